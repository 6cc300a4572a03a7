using System.Diagnostics;
using System.Text;
using MimeKit;
using Notifications.Channels;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Email;

/// <summary>SMTP against smtp4dev in its None, StartTls and ImplicitTls modes with authentication required, and against scripted servers.</summary>
public sealed class SmtpProviderTests(AzuriteFixture azurite, SmtpServers smtp) : IClassFixture<AzuriteFixture>, IClassFixture<SmtpServers>, IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(azurite.ConnectionString, null);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<string> CreateAsync(int port, bool tls = false, bool ssl = false, string password = SmtpServers.Password,
        int? timeoutSeconds = null, string senderName = "Reports") =>
        _app.CreateChannelAsync("smtp", new
        {
            server = "127.0.0.1", port, useTls = tls, useSsl = ssl, username = SmtpServers.User, password,
            senderAddress = "reports@example.test", senderName, allowInvalidCertificate = true, timeoutSeconds,
        });

    [Fact]
    public async Task Test_connection_authenticates_in_each_mode_and_sends_nothing()
    {
        var plain = await _app.TestChannelAsync(await CreateAsync(smtp.Plain.SmtpPort));
        var startTls = await _app.TestChannelAsync(await CreateAsync(smtp.StartTls.SmtpPort, tls: true));
        var implicitTls = await _app.TestChannelAsync(await CreateAsync(smtp.ImplicitTls.SmtpPort, ssl: true));

        Assert.Equal(TestOutcome.Success, plain.Outcome());
        Assert.Contains("plain, unencrypted", plain["message"]!.GetValue<string>());
        Assert.Equal(TestOutcome.Success, startTls.Outcome());
        Assert.Contains("STARTTLS", startTls["message"]!.GetValue<string>());
        Assert.Equal(TestOutcome.Success, implicitTls.Outcome());
        Assert.Contains("implicit TLS", implicitTls["message"]!.GetValue<string>());
        Assert.All([plain, startTls, implicitTls], r => Assert.Contains("authenticated; no mail was sent", r["message"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_wrong_password_is_an_auth_failure()
    {
        var result = await _app.TestChannelAsync(await CreateAsync(smtp.StartTls.SmtpPort, tls: true, password: "wrong-password"));

        Assert.Equal(TestOutcome.AuthFailure, result.Outcome());
        Assert.Contains("username and password", result["hint"]!.GetValue<string>());
        Assert.DoesNotContain("wrong-password", result.ToJsonString());
    }

    [Fact]
    public async Task Gmail_535_5_7_8_gets_the_app_password_hint()
    {
        await using var gmail = new ScriptedSmtpServer("220 smtp.gmail.test ESMTP ready", new Dictionary<string, string>
        {
            ["EHLO"] = "250-smtp.gmail.test at your service\r\n250-AUTH LOGIN PLAIN\r\n250 8BITMIME",
            ["AUTH"] = "535-5.7.8 Username and Password not accepted. For more information, go to\r\n535 5.7.8  https://support.google.com/mail/?p=BadCredentials",
            ["QUIT"] = "221 2.0.0 closing connection",
        });

        var result = await _app.TestChannelAsync(await CreateAsync(gmail.Port));

        Assert.Equal(TestOutcome.AuthFailure, result.Outcome());
        Assert.Contains("5.7.8", result["message"]!.GetValue<string>());
        Assert.Contains("app password", result["hint"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_closed_port_is_a_connection_failure()
    {
        var result = await _app.TestChannelAsync(await CreateAsync(ExternalProcess.FreePort()));

        Assert.Equal(TestOutcome.ConnectionFailure, result.Outcome());
        Assert.Contains("firewall", result["hint"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_server_that_never_greets_times_out_within_the_configured_time()
    {
        await using var silent = new ScriptedSmtpServer(greeting: null, new Dictionary<string, string>());
        var id = await CreateAsync(silent.Port, timeoutSeconds: 1);

        var clock = Stopwatch.StartNew();
        var result = await _app.TestChannelAsync(id);

        Assert.Equal(TestOutcome.Timeout, result.Outcome());
        Assert.Contains("within 1 s", result["message"]!.GetValue<string>());
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Ssl_against_a_plaintext_port_is_a_tls_error()
    {
        var result = await _app.TestChannelAsync(await CreateAsync(smtp.Plain.SmtpPort, ssl: true));

        Assert.Equal(TestOutcome.TlsError, result.Outcome());
        Assert.Contains("587 needs TLS, 465 needs SSL", result["hint"]!.GetValue<string>());
    }

    [Fact]
    public async Task Tls_against_a_server_without_starttls_never_falls_back_to_plaintext()
    {
        var result = await _app.TestChannelAsync(await CreateAsync(smtp.Plain.SmtpPort, tls: true));

        Assert.Equal(TestOutcome.TlsError, result.Outcome());
        Assert.Contains("STARTTLS", result["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Send_test_email_arrives_through_starttls()
    {
        var recipient = SharedSmtp4dev.UniqueRecipient("smtp-test");

        var result = await _app.TestChannelAsync(await CreateAsync(smtp.StartTls.SmtpPort, tls: true), recipient);

        Assert.Equal(TestOutcome.Success, result.Outcome());
        var raw = Assert.Single(await smtp.StartTls.RawMessagesToAsync(recipient));
        Assert.Contains("Test notification: succeeded", raw);
    }

    [Fact]
    public async Task Delivery_links_each_chart_by_content_id_with_encoded_names_and_a_single_line_subject()
    {
        var recipient = SharedSmtp4dev.UniqueRecipient("smtp-charts");
        var id = await CreateAsync(smtp.ImplicitTls.SmtpPort, ssl: true, senderName: "Équipe Rapports");
        var message = EmailTestData.Message("Intro <img src=x onerror=alert(1)>\n\n| A | B |\n|---|---|\n| 1 | 2 |", "Daily\r\nrevenue",
            EmailTestData.Chart(1, 2000), EmailTestData.Chart(2, 2500));

        Assert.Equal(SendStatus.Sent, (await _app.SendAsync(id, recipient, message)).Status);

        var raw = Assert.Single(await smtp.ImplicitTls.RawMessagesToAsync(recipient));
        Assert.Contains("=?utf-8?", raw.Split("\r\n").First(l => l.StartsWith("From:", StringComparison.Ordinal)), StringComparison.OrdinalIgnoreCase);
        var mime = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(raw)));
        Assert.Equal("Équipe Rapports", ((MailboxAddress)mime.From[0]).Name);
        Assert.Equal("Daily revenue: succeeded", mime.Subject);
        Assert.Contains("&lt;img src=x", mime.HtmlBody);
        Assert.Contains("style=\"border:1px solid", mime.HtmlBody);
        Assert.Contains("Intro", mime.TextBody);
        // The charts are LinkedResources: parts of the multipart/related that holds the HTML.
        var related = Assert.Single(Descendants(mime.Body!).OfType<MultipartRelated>());
        var images = related.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png").ToList();
        Assert.Equal(["chart-1.run1@notifications", "chart-2.run1@notifications"], images.Select(i => i.ContentId));
        Assert.All(images, i => Assert.Contains($"cid:{i.ContentId}", mime.HtmlBody));
    }

    [Fact]
    public async Task Preview_returns_the_mime_message_and_sends_nothing()
    {
        var id = await CreateAsync(smtp.Plain.SmtpPort);

        var preview = await _app.Channels.PreviewAsync(id, AdminCalls.Json(new { markdown = "Hello **world**", target = "preview@example.test", scheduleName = "Weekly" }), default);

        Assert.Equal("message/rfc822", preview.ContentType);
        var mime = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(preview.Body)));
        Assert.Equal("Weekly: succeeded", mime.Subject);
        Assert.Contains("<strong>world</strong>", mime.HtmlBody);
        Assert.Empty(await smtp.Plain.RawMessagesToAsync("preview@example.test"));
    }

    private static IEnumerable<MimeEntity> Descendants(MimeEntity entity) =>
        entity is Multipart multipart ? multipart.SelectMany(Descendants).Prepend(entity) : [entity];
}
