using Notifications.Channels;
using Notifications.Fakes;
using Notifications.Fakes.Graph;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Email;

/// <summary>Graph sendMail and its token endpoint against the fakes: client credentials, roles, mailbox checks, limits.</summary>
public sealed class GraphProviderTests(AzuriteFixture azurite) : FakesTest(azurite)
{
    [Fact]
    public async Task Test_connection_proves_mail_send_without_sending()
    {
        var id = await App.CreateGraphAsync(Fakes);

        var result = await App.TestChannelAsync(id);

        Assert.Equal(TestOutcome.Success, result.Outcome());
        Assert.Contains("no mail was sent", result["message"]!.GetValue<string>());
        Assert.Empty(Fakes.Recorded.For(FakeGraph.Provider));
    }

    [Fact]
    public async Task A_wrong_client_secret_is_an_auth_failure_with_the_aadsts_hint()
    {
        var id = await App.CreateGraphAsync(Fakes, clientSecret: "the-secret-id-not-its-value");

        var result = await App.TestChannelAsync(id);

        Assert.Equal(TestOutcome.AuthFailure, result.Outcome());
        Assert.Contains("AADSTS7000215", result["message"]!.GetValue<string>());
        Assert.Contains("Certificates & secrets", result["hint"]!.GetValue<string>());
        Assert.DoesNotContain("the-secret-id-not-its-value", result.ToJsonString());
    }

    [Fact]
    public async Task AnApp_without_the_mail_send_role_is_permission_missing()
    {
        var id = await App.CreateGraphAsync(Fakes, FakeGraph.ReadOnlyClientId, FakeGraph.ReadOnlySecret);

        var result = await App.TestChannelAsync(id);

        Assert.Equal(TestOutcome.PermissionMissing, result.Outcome());
        Assert.Contains("Application permission", result["hint"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_mailbox_not_enabled_for_rest_is_reported_with_its_hint()
    {
        var id = await App.CreateGraphAsync(Fakes, sender: $"{FakeGraph.DisabledMailbox}@contoso.test");

        var result = await App.TestChannelAsync(id);

        Assert.Equal(TestOutcome.SenderNotVerified, result.Outcome());
        Assert.Contains("MailboxNotEnabledForRESTAPI", result["message"]!.GetValue<string>());
        Assert.Contains("Exchange Online license", result["hint"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_closed_port_is_a_connection_failure()
    {
        var closed = $"http://127.0.0.1:{ExternalProcess.FreePort()}/";
        var id = await App.CreateGraphAsync(Fakes, authorityUrl: closed);

        Assert.Equal(TestOutcome.ConnectionFailure, (await App.TestChannelAsync(id)).Outcome());
    }

    [Fact]
    public async Task Send_test_email_goes_to_the_recipient_from_the_mailbox()
    {
        var id = await App.CreateGraphAsync(Fakes);

        var result = await App.TestChannelAsync(id, "person@example.test");

        Assert.Equal(TestOutcome.Success, result.Outcome());
        var body = Assert.Single(Fakes.Recorded.For(FakeGraph.Provider));
        Assert.Equal("person@example.test", body["message"]!["toRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        Assert.False(body["saveToSentItems"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Delivery_makes_each_chart_an_inline_file_attachment()
    {
        var id = await App.CreateGraphAsync(Fakes);
        var message = EmailTestData.Message(charts: [EmailTestData.Chart(1, 1000), EmailTestData.Chart(2, 1000)]);

        Assert.Equal(SendStatus.Sent, (await App.SendAsync(id, "a@example.test", message)).Status);

        var body = Assert.Single(Fakes.Recorded.For(FakeGraph.Provider));
        var html = body["message"]!["body"]!["content"]!.GetValue<string>();
        var attachments = body["message"]!["attachments"]!.AsArray();
        Assert.Equal(2, attachments.Count);
        Assert.All(attachments, a =>
        {
            Assert.Equal("#microsoft.graph.fileAttachment", a!["@odata.type"]!.GetValue<string>());
            Assert.True(a["isInline"]!.GetValue<bool>());
            Assert.Contains($"cid:{a["contentId"]!.GetValue<string>()}", html);
        });
    }

    [Fact]
    public async Task Over_3_MB_the_last_chart_is_dropped_and_the_body_says_so()
    {
        var id = await App.CreateGraphAsync(Fakes);
        // 1 MB each, 1.33 MB as base64: two fit under 3 MB, three do not.
        var message = EmailTestData.Message(charts: [EmailTestData.Chart(1, 1_000_000), EmailTestData.Chart(2, 1_000_000), EmailTestData.Chart(3, 1_000_000)]);

        Assert.Equal(SendStatus.Sent, (await App.SendAsync(id, "a@example.test", message)).Status);

        var body = Assert.Single(Fakes.Recorded.For(FakeGraph.Provider));
        Assert.Equal(2, body["message"]!["attachments"]!.AsArray().Count);
        Assert.Contains("1 chart(s) were left out", body["message"]!["body"]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task Access_denied_is_permanent_and_throttling_transient()
    {
        var id = await App.CreateGraphAsync(Fakes, FakeGraph.ReadOnlyClientId, FakeGraph.ReadOnlySecret);
        var ok = await App.CreateGraphAsync(Fakes);
        Fakes.Scripted.Enqueue(FakeGraph.Provider, new ScriptedResponse(429,
            """{"error":{"code":"ApplicationThrottled","message":"Application is over its MailboxConcurrency limit."}}""", "application/json", RetryAfterSeconds: 7));

        var denied = await App.SendAsync(id, "a@example.test", EmailTestData.Message());
        var throttled = await App.SendAsync(ok, "a@example.test", EmailTestData.Message());

        Assert.Equal(SendStatus.PermanentFailure, denied.Status);
        Assert.Contains("ErrorAccessDenied", denied.Detail);
        Assert.Equal(SendStatus.TransientFailure, throttled.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.RetryAfter);
    }

    [Fact]
    public async Task Malformed_settings_are_refused_per_field()
    {
        var errors = (await App.Channels.CreateAsync(AdminCalls.Json(new
        {
            name = "Bad", provider = "graph",
            settings = new { tenantId = "not a tenant", clientId = "app-name", clientSecret = "s", senderUpn = "reports", graphUrl = "ftp://graph.example.com" },
        }), default)).Expect(400)["errors"]!.AsObject();

        Assert.Equal(["settings.clientId", "settings.graphUrl", "settings.senderUpn", "settings.tenantId"], errors.Select(e => e.Key).Order());
    }
}
