using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Notifications.Channels;
using Notifications.Channels.Email;
using Notifications.Channels.Email.AzureEmail;
using Notifications.Channels.Email.Graph;
using Notifications.Channels.Email.SendGrid;
using Notifications.Channels.Webhooks;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Email;

/// <summary>
/// An endpoint that accepts connections and never answers: each HTTP provider's Test Connection ends as Timeout within
/// its budget (1 s here instead of 15 s), however many requests it would have made.
/// </summary>
public sealed class HttpProviderTimeoutTests : IDisposable
{
    private readonly TcpListener _silent = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();

    public HttpProviderTimeoutTests()
    {
        _silent.Start();
        _ = HoldConnectionsAsync();
    }

    private string Url => $"http://127.0.0.1:{((IPEndPoint)_silent.LocalEndpoint).Port}/";

    private async Task HoldConnectionsAsync()
    {
        try
        {
            while (true)
            {
                var client = await _silent.AcceptTcpClientAsync(_stop.Token);
                lock (_held) _held.Add(client);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    public static TheoryData<string> Providers => ["sendgrid", "acs", "graph"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_provider_that_never_answers_is_a_timeout(string provider)
    {
        var time = new FakeTimeProvider(TestApp.Start);
        var http = new EmailHttp(new PlainFactory(), time) { Timeout = TimeSpan.FromSeconds(1) };
        var options = Options.Create(new WebhookOptions());
        var (sender, settings, secrets) = provider switch
        {
            "sendgrid" => ((IChannelProvider)new SendGridEmailSender(http, options, time),
                new JsonObject { ["senderAddress"] = "r@example.test", ["baseUrl"] = Url }, ("apiKey", "SG.a.b")),
            "acs" => (new AcsEmailSender(http, options, time) { RetryDelay = TimeSpan.Zero },
                new JsonObject { ["senderAddress"] = "r@example.test" }, ("connectionString", $"endpoint={Url};accesskey=a2V5")),
            _ => (new GraphEmailSender(http, options, time),
                new JsonObject { ["tenantId"] = "contoso.onmicrosoft.com", ["clientId"] = Guid.Empty.ToString(), ["senderUpn"] = "r@example.test", ["authorityUrl"] = Url },
                ("clientSecret", "s")),
        };
        var channel = new Channel("ch", "Silent", ChannelKind.Email, provider, settings,
            new Dictionary<string, string> { [secrets.Item1] = secrets.Item2 }, TestApp.Start, TestApp.Start);

        var clock = Stopwatch.StartNew();
        var result = await sender.TestAsync(channel, null, default);

        Assert.Equal(TestOutcome.Timeout, result.Outcome);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    public void Dispose()
    {
        _stop.Cancel();
        _silent.Stop();
        lock (_held) _held.ForEach(c => c.Dispose());
        _stop.Dispose();
    }

    private sealed class PlainFactory : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => new() { Timeout = Timeout.InfiniteTimeSpan };
    }
}
