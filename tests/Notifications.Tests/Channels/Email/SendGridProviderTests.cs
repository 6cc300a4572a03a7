using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Notifications.Channels;
using Notifications.Fakes;
using Notifications.Fakes.SendGrid;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Email;

/// <summary>SendGrid against its fake: each Test Connection outcome, Send Test Email, delivery with inline charts, limits.</summary>
public sealed class SendGridProviderTests(AzuriteFixture azurite) : FakesTest(azurite)
{
    [Fact]
    public async Task Test_connection_succeeds_in_sandbox_mode_and_sends_nothing()
    {
        var id = await App.CreateSendGridAsync(Fakes);

        var result = await App.TestChannelAsync(id);

        Assert.Equal(TestOutcome.Success, result.Outcome());
        Assert.Contains("sandbox", result["message"]!.GetValue<string>());
        Assert.Empty(Fakes.Recorded.For(FakeSendGrid.Provider));
    }

    [Fact]
    public async Task A_wrong_key_is_an_auth_failure()
    {
        var id = await App.CreateSendGridAsync(Fakes, apiKey: "SG.revoked.key-that-was-deleted");

        var result = await App.TestChannelAsync(id);

        Assert.Equal(TestOutcome.AuthFailure, result.Outcome());
        Assert.Contains("authorization grant is invalid", result["message"]!.GetValue<string>());
        Assert.DoesNotContain("key-that-was-deleted", result.ToJsonString());
    }

    [Fact]
    public async Task A_key_without_mail_send_is_permission_missing()
    {
        var id = await App.CreateSendGridAsync(Fakes, apiKey: FakeSendGrid.NoMailSendKey);

        var result = await App.TestChannelAsync(id);

        Assert.Equal(TestOutcome.PermissionMissing, result.Outcome());
        Assert.Contains("mail.send", result["message"]!.GetValue<string>());
        Assert.Contains("Mail Send access", result["hint"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unverified_sender_is_sender_not_verified()
    {
        var id = await App.CreateSendGridAsync(Fakes, sender: $"reports@{FakeSendGrid.UnverifiedDomain}");

        var result = await App.TestChannelAsync(id);

        Assert.Equal(TestOutcome.SenderNotVerified, result.Outcome());
        Assert.Contains("verified Sender Identity", result["message"]!.GetValue<string>());
        Assert.Contains("Sender Authentication", result["hint"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_closed_port_is_a_connection_failure()
    {
        var id = await App.CreateSendGridAsync(Fakes, baseUrl: $"http://127.0.0.1:{ExternalProcess.FreePort()}/");

        Assert.Equal(TestOutcome.ConnectionFailure, (await App.TestChannelAsync(id)).Outcome());
    }

    [Fact]
    public async Task Send_test_email_delivers_to_the_recipient()
    {
        var id = await App.CreateSendGridAsync(Fakes);

        var result = await App.TestChannelAsync(id, "Ünïcode Person <person@example.test>");

        Assert.Equal(TestOutcome.Success, result.Outcome());
        Assert.Contains("message id", result["message"]!.GetValue<string>());
        var mail = Assert.Single(Fakes.Recorded.For(FakeSendGrid.Provider));
        Assert.Equal("person@example.test", mail["personalizations"]![0]!["to"]![0]!["email"]!.GetValue<string>());
        Assert.Equal("Ünïcode Person", mail["personalizations"]![0]!["to"]![0]!["name"]!.GetValue<string>());
        Assert.Null(mail["mail_settings"]);
    }

    [Fact]
    public async Task Delivery_puts_each_chart_inline_with_its_content_id()
    {
        var id = await App.CreateSendGridAsync(Fakes);
        var message = EmailTestData.Message("Intro <script>alert(1)</script>", "Daily\r\nreport", charts: [EmailTestData.Chart(1, 2000), EmailTestData.Chart(2, 3000)]);

        var result = await App.SendAsync(id, "a@example.test", message);

        Assert.Equal(SendStatus.Sent, result.Status);
        var mail = Assert.Single(Fakes.Recorded.For(FakeSendGrid.Provider));
        Assert.Equal("Daily report: succeeded", mail["subject"]!.GetValue<string>());
        var content = mail["content"]!.AsArray();
        Assert.Equal("text/plain", content[0]!["type"]!.GetValue<string>());
        var html = content[1]!["value"]!.GetValue<string>();
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("<script>", html);
        var attachments = mail["attachments"]!.AsArray();
        Assert.Equal(2, attachments.Count);
        foreach (var a in attachments)
        {
            Assert.Equal("inline", a!["disposition"]!.GetValue<string>());
            Assert.Contains($"src=\"cid:{a["content_id"]!.GetValue<string>()}\"", html);
        }
        Assert.Equal(3000, Convert.FromBase64String(attachments[1]!["content"]!.GetValue<string>()).Length);
    }

    [Fact]
    public async Task Over_30_MB_the_last_charts_are_dropped_and_the_body_says_so()
    {
        var id = await App.CreateSendGridAsync(Fakes);
        // 12 MB each, 16 MB as base64: one fits under 30 MB, two do not.
        var message = EmailTestData.Message(charts: [EmailTestData.Chart(1, 12_000_000), EmailTestData.Chart(2, 12_000_000), EmailTestData.Chart(3, 12_000_000)]);

        var result = await App.SendAsync(id, "a@example.test", message);

        Assert.Equal(SendStatus.Sent, result.Status);
        var mail = Assert.Single(Fakes.Recorded.For(FakeSendGrid.Provider));
        var attachment = Assert.Single(mail["attachments"]!.AsArray());
        Assert.Equal("chart-1.png", attachment!["filename"]!.GetValue<string>());
        Assert.Contains("2 chart(s) were left out", mail["content"]![1]!["value"]!.GetValue<string>());
        Assert.Contains("2 chart(s) were left out", mail["content"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_fake_enforces_the_limit_and_the_schema_like_sendgrid()
    {
        using var http = new HttpClient();
        async Task<HttpResponseMessage> Post(string json)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Fakes.SendGridBaseUrl, "v3/mail/send"))
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new("Bearer", FakeSendGrid.FullAccessKey);
            return await http.SendAsync(request);
        }

        var tooBig = await Post(new string(' ', 31 * 1024 * 1024) + "{}");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
        var htmlFirst = await Post("""{"personalizations":[{"to":[{"email":"a@b.test"}]}],"from":{"email":"r@example.test"},"subject":"s","content":[{"type":"text/html","value":"<p>x</p>"},{"type":"text/plain","value":"x"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, htmlFirst.StatusCode);
        Assert.Contains("text/plain content must be first", await htmlFirst.Content.ReadAsStringAsync());
        var inlineWithoutId = await Post("""{"personalizations":[{"to":[{"email":"a@b.test"}]}],"from":{"email":"r@example.test"},"subject":"s","content":[{"type":"text/plain","value":"x"}],"attachments":[{"content":"iVBORw==","filename":"c.png","disposition":"inline"}]}""");
        Assert.Equal(HttpStatusCode.BadRequest, inlineWithoutId.StatusCode);
        Assert.Empty(Fakes.Recorded.For(FakeSendGrid.Provider));
    }

    [Fact]
    public async Task Rate_limits_and_server_errors_are_transient_with_retry_after()
    {
        var id = await App.CreateSendGridAsync(Fakes);
        Fakes.Scripted.Enqueue(FakeSendGrid.Provider, new ScriptedResponse(429, """{"errors":[{"message":"too many requests"}]}""", "application/json", RetryAfterSeconds: 42));
        Fakes.Scripted.Enqueue(FakeSendGrid.Provider, new ScriptedResponse(500, "oops"));

        var limited = await App.SendAsync(id, "a@example.test", EmailTestData.Message());
        var failed = await App.SendAsync(id, "a@example.test", EmailTestData.Message());
        var bad = await App.SendAsync(id, "a@example.test", EmailTestData.Message());

        Assert.Equal(SendStatus.TransientFailure, limited.Status);
        Assert.Equal(TimeSpan.FromSeconds(42), limited.RetryAfter);
        Assert.Equal(SendStatus.TransientFailure, failed.Status);
        Assert.Equal(SendStatus.Sent, bad.Status);
    }

    [Fact]
    public async Task Malformed_settings_are_refused_per_field_and_the_preview_sends_nothing()
    {
        var errors = (await App.Channels.CreateAsync(AdminCalls.Json(new
        {
            name = "Bad", provider = "sendgrid",
            settings = new { apiKey = "not-a-key", senderAddress = "Reports <reports@example.test>", baseUrl = "http://sendgrid.example.com" },
        }), default)).Expect(400)["errors"]!.AsObject();
        Assert.Contains("SG.", errors["settings.apiKey"]![0]!.GetValue<string>());
        Assert.True(errors.ContainsKey("settings.senderAddress"));
        Assert.Contains("https", errors["settings.baseUrl"]![0]!.GetValue<string>());

        var eu = await App.CreateChannelAsync("sendgrid", new { apiKey = FakeSendGrid.FullAccessKey, senderAddress = "r@example.test", euRegion = true });
        var preview = await App.Channels.PreviewAsync(eu, AdminCalls.Json(new { markdown = "Hello **world** <b>raw</b>", target = "a@example.test" }), default);
        Assert.Equal("application/json", preview.ContentType);
        var body = JsonNode.Parse(preview.Body)!;
        Assert.Contains("Hello world", body["content"]![0]!["value"]!.GetValue<string>());
        Assert.Contains("<strong>world</strong> &lt;b&gt;raw&lt;/b&gt;", body["content"]![1]!["value"]!.GetValue<string>());
        Assert.Equal("a@example.test", body["personalizations"]![0]!["to"]![0]!["email"]!.GetValue<string>());
        Assert.Empty(Fakes.Recorded.For(FakeSendGrid.Provider));
    }
}
