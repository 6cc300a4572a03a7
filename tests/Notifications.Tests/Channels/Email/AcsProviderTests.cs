using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Notifications.Channels;
using Notifications.Channels.Email;
using Notifications.Channels.Email.AzureEmail;
using Notifications.Channels.Webhooks;
using Notifications.Fakes;
using Notifications.Fakes.AzureEmail;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Email;

/// <summary>ACS Email against its fake, which recomputes each request's HMAC signature.</summary>
public sealed class AcsProviderTests(AzuriteFixture azurite) : FakesTest(azurite)
{
    [Fact]
    public async Task Test_connection_proves_key_and_sender_without_sending()
    {
        var id = await App.CreateAcsAsync(Fakes);

        var result = await App.TestChannelAsync(id);

        Assert.Equal(TestOutcome.Success, result.Outcome());
        Assert.Contains("no mail was sent", result["message"]!.GetValue<string>());
        Assert.Empty(Fakes.Recorded.For(FakeAcs.Provider));
    }

    [Fact]
    public async Task A_wrong_access_key_is_an_auth_failure()
    {
        var wrongKey = Convert.ToBase64String("a-different-key-that-signs-wrongly"u8.ToArray());
        var id = await App.CreateAcsAsync(Fakes, Fakes.AcsConnectionString(wrongKey));

        var result = await App.TestChannelAsync(id);

        Assert.Equal(TestOutcome.AuthFailure, result.Outcome());
        Assert.Contains("connection string", result["hint"]!.GetValue<string>());
        Assert.DoesNotContain(wrongKey, result.ToJsonString());
    }

    [Fact]
    public async Task An_unlinked_sender_domain_is_domain_not_linked()
    {
        var id = await App.CreateAcsAsync(Fakes, sender: $"DoNotReply@{FakeAcs.UnlinkedDomain}");

        var result = await App.TestChannelAsync(id);

        Assert.Equal(TestOutcome.DomainNotLinked, result.Outcome());
        Assert.Contains("DomainNotLinked", result["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_sender_username_is_sender_not_verified()
    {
        var id = await App.CreateAcsAsync(Fakes, sender: $"{FakeAcs.UnknownSenderUser}@notify.example.test");

        var result = await App.TestChannelAsync(id);

        Assert.Equal(TestOutcome.SenderNotVerified, result.Outcome());
        Assert.Contains("InvalidSenderUserName", result["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_closed_port_is_a_connection_failure()
    {
        var id = await App.CreateAcsAsync(Fakes, $"endpoint=http://127.0.0.1:{ExternalProcess.FreePort()}/;accesskey={FakeAcs.AccessKeyBase64}");

        Assert.Equal(TestOutcome.ConnectionFailure, (await App.TestChannelAsync(id)).Outcome());
    }

    [Fact]
    public async Task Send_test_email_polls_the_operation_until_it_ends()
    {
        var id = await App.CreateAcsAsync(Fakes);

        var delivered = await App.TestChannelAsync(id, "person@example.test");
        var suppressed = await App.TestChannelAsync(id, $"{FakeAcs.SuppressedRecipient}@example.test");

        Assert.Equal(TestOutcome.Success, delivered.Outcome());
        Assert.Contains("delivered", delivered["message"]!.GetValue<string>());
        Assert.NotEqual(TestOutcome.Success, suppressed.Outcome());
        Assert.Contains("EmailDroppedAllRecipientsSuppressed", suppressed["message"]!.GetValue<string>());
        Assert.Equal(2, Fakes.Recorded.For(FakeAcs.Provider).Count);
    }

    [Fact]
    public async Task Delivery_attaches_each_chart_with_a_content_id_and_a_failed_operation_is_permanent()
    {
        var id = await App.CreateAcsAsync(Fakes);
        var message = EmailTestData.Message(charts: [EmailTestData.Chart(1, 1000), EmailTestData.Chart(2, 1500)]);

        var sent = await App.SendAsync(id, "Zoë <a@example.test>", message);
        var dropped = await App.SendAsync(id, $"{FakeAcs.SuppressedRecipient}@example.test", message);

        Assert.Equal(SendStatus.Sent, sent.Status);
        Assert.Contains("Succeeded", sent.Detail);
        Assert.Equal(SendStatus.PermanentFailure, dropped.Status);
        var email = Fakes.Recorded.For(FakeAcs.Provider)[0];
        Assert.Equal("Zoë", email["recipients"]!["to"]![0]!["displayName"]!.GetValue<string>());
        var html = email["content"]!["html"]!.GetValue<string>();
        Assert.False(string.IsNullOrEmpty(email["content"]!["plainText"]!.GetValue<string>()));
        var attachments = email["attachments"]!.AsArray();
        Assert.Equal(2, attachments.Count);
        Assert.All(attachments, a => Assert.Contains($"cid:{a!["contentId"]!.GetValue<string>()}", html));
    }

    [Fact]
    public async Task Over_10_MB_the_last_chart_is_dropped_and_the_body_says_so()
    {
        var id = await App.CreateAcsAsync(Fakes);
        // 3 MB each, 4 MB as base64: two fit under 10 MB, three do not.
        var message = EmailTestData.Message(charts: [EmailTestData.Chart(1, 3_000_000), EmailTestData.Chart(2, 3_000_000), EmailTestData.Chart(3, 3_000_000)]);

        Assert.Equal(SendStatus.Sent, (await App.SendAsync(id, "a@example.test", message)).Status);

        var email = Assert.Single(Fakes.Recorded.For(FakeAcs.Provider));
        Assert.Equal(["chart-1.png", "chart-2.png"], email["attachments"]!.AsArray().Select(a => a!["name"]!.GetValue<string>()));
        Assert.Contains("1 chart(s) were left out", email["content"]!["html"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_retry_is_signed_again_and_keeps_the_operation_id()
    {
        var (sender, requests) = StandaloneSender(new FakeTimeProvider(TestApp.Start) { AutoAdvanceAmount = TimeSpan.FromSeconds(1) });
        Fakes.Scripted.Enqueue(FakeAcs.Provider, new ScriptedResponse(503, """{"error":{"code":"ServiceUnavailable","message":"try again"}}""", "application/json"));

        var result = await sender.SendAsync(Channel(), "a@example.test", EmailTestData.Message(), default);

        Assert.Equal(SendStatus.Sent, result.Status);
        var posts = requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(2, posts.Count);
        Assert.Equal(posts[0].OperationId, posts[1].OperationId);
        Assert.NotEqual(posts[0].Date, posts[1].Date);
        Assert.NotEqual(posts[0].Authorization, posts[1].Authorization); // the fake accepted both signatures, so each was recomputed
        Assert.Single(Fakes.Recorded.For(FakeAcs.Provider));
    }

    [Fact]
    public async Task A_long_retry_after_is_left_to_the_dispatcher()
    {
        var (sender, requests) = StandaloneSender(new FakeTimeProvider(TestApp.Start));
        Fakes.Scripted.Enqueue(FakeAcs.Provider, new ScriptedResponse(429, """{"error":{"code":"TooManyRequests","message":"slow down"}}""", "application/json", RetryAfterSeconds: 30));

        var result = await sender.SendAsync(Channel(), "a@example.test", EmailTestData.Message(), default);

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
        Assert.Single(requests);
    }

    [Fact]
    public async Task A_managed_identity_token_is_sent_as_a_bearer_token()
    {
        var (sender, requests) = StandaloneSender(new FakeTimeProvider(TestApp.Start), new StaticToken(FakeAcs.BearerToken));
        var channel = Channel() with { Settings = new JsonObject { ["endpoint"] = Fakes.AcsEndpoint.ToString(), ["senderAddress"] = "DoNotReply@notify.example.test" }, Secrets = new Dictionary<string, string>() };

        var result = await sender.SendAsync(channel, "a@example.test", EmailTestData.Message(), default);

        Assert.Equal(SendStatus.Sent, result.Status);
        Assert.All(requests, r => Assert.Equal($"Bearer {FakeAcs.BearerToken}", r.Authorization));
    }

    [Fact]
    public async Task Malformed_settings_are_refused_per_field()
    {
        var errors = (await App.Channels.CreateAsync(AdminCalls.Json(new
        {
            name = "Bad", provider = "acs", settings = new { connectionString = "endpoint=https://x.communication.azure.com/;accesskey=%%%", senderAddress = "Reports <DoNotReply@notify.example.test>" },
        }), default)).Expect(400)["errors"]!.AsObject();
        Assert.Contains("base64", errors["settings.connectionString"]![0]!.GetValue<string>());
        Assert.DoesNotContain("%%%", errors.ToJsonString());
        Assert.Contains("bare", errors["settings.senderAddress"]![0]!.GetValue<string>());

        var neither = (await App.Channels.CreateAsync(AdminCalls.Json(new { name = "Bad", provider = "acs", settings = new { senderAddress = "a@example.test" } }), default))
            .Expect(400)["errors"]!.AsObject();
        Assert.True(neither.ContainsKey("settings.connectionString"));
        var plainHttp = (await App.Channels.CreateAsync(AdminCalls.Json(new { name = "Bad", provider = "acs", settings = new { endpoint = "http://acs.example.com/", senderAddress = "a@example.test" } }), default))
            .Expect(400)["errors"]!.AsObject();
        Assert.True(plainHttp.ContainsKey("settings.endpoint"));
    }

    private Channel Channel() => new("chacs", "ACS", ChannelKind.Email, "acs",
        new JsonObject { ["senderAddress"] = "DoNotReply@notify.example.test" },
        new Dictionary<string, string> { ["connectionString"] = Fakes.AcsConnectionString() }, TestApp.Start, TestApp.Start);

    private sealed record SeenRequest(string Method, string? OperationId, string? Date, string? Authorization);

    /// <summary>The provider on its own, with an HttpClient that notes each attempt's headers as they leave.</summary>
    private static (AcsEmailSender Sender, ConcurrentQueue<SeenRequest> Requests) StandaloneSender(TimeProvider time, TokenCredential? credential = null)
    {
        var seen = new ConcurrentQueue<SeenRequest>();
        var http = new EmailHttp(new SingleClientFactory(new HttpClient(new Recorder(seen, new SocketsHttpHandler()))), time);
        var options = Options.Create(new WebhookOptions { AllowedHosts = ["127.0.0.1"] });
        var sender = new AcsEmailSender(http, options, time) { RetryDelay = TimeSpan.Zero, Credentials = _ => credential ?? throw new InvalidOperationException() };
        return (sender, seen);
    }

    private sealed class Recorder(ConcurrentQueue<SeenRequest> seen, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            string? Header(string name) => request.Headers.TryGetValues(name, out var v) ? string.Join(",", v) : null;
            seen.Enqueue(new SeenRequest(request.Method.Method, Header("Operation-Id"), Header("x-ms-date"), Header("Authorization")));
            return base.SendAsync(request, ct);
        }
    }

    private sealed class SingleClientFactory(HttpClient client) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => client;
    }

    private sealed class StaticToken(string token) : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
