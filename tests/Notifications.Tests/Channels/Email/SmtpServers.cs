using System.Net;
using System.Net.Sockets;
using System.Text;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Email;

/// <summary>smtp4dev in each TLS mode, all requiring authentication as one user, started once for the SMTP test class.</summary>
public sealed class SmtpServers : IAsyncLifetime
{
    public const string User = "reports";
    public const string Password = "s3cret-smtp-pass";

    public Smtp4dev Plain { get; private set; } = null!;
    public Smtp4dev StartTls { get; private set; } = null!;
    public Smtp4dev ImplicitTls { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var servers = await Task.WhenAll(
            Smtp4dev.StartAsync("None", $"{User}={Password}"),
            Smtp4dev.StartAsync("StartTls", $"{User}={Password}"),
            Smtp4dev.StartAsync("ImplicitTls", $"{User}={Password}"));
        (Plain, StartTls, ImplicitTls) = (servers[0], servers[1], servers[2]);
    }

    public async Task DisposeAsync()
    {
        foreach (var server in new[] { Plain, StartTls, ImplicitTls })
            if (server is not null) await server.DisposeAsync();
    }
}

/// <summary>
/// A one-connection SMTP server on 127.0.0.1 that replays a transcript: a greeting (or none, to test the timeout) and a
/// reply per command verb. For answers smtp4dev cannot give, such as Gmail's 535 5.7.8.
/// </summary>
public sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public ScriptedSmtpServer(string? greeting, IReadOnlyDictionary<string, string> replies)
    {
        _listener.Start();
        _serving = ServeAsync(greeting, replies, _stop.Token);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task ServeAsync(string? greeting, IReadOnlyDictionary<string, string> replies, CancellationToken ct)
    {
        try
        {
            using var client = await _listener.AcceptTcpClientAsync(ct);
            using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            if (greeting is null)
            {
                await Task.Delay(Timeout.Infinite, ct); // accepts and never greets
                return;
            }
            await writer.WriteLineAsync(greeting);
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var verb = line.Split(' ')[0].ToUpperInvariant();
                if (line.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase) && line.Split(' ').Length == 2)
                {
                    await writer.WriteLineAsync("334 ");
                    await reader.ReadLineAsync(ct);
                }
                await writer.WriteLineAsync(replies.TryGetValue(verb, out var reply) ? reply : "502 5.5.1 Unrecognized command.");
                if (verb == "QUIT") return;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serving;
        _stop.Dispose();
    }
}
