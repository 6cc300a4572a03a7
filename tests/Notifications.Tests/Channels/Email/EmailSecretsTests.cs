using Notifications.Fakes;
using Notifications.Fakes.AzureEmail;
using Notifications.Fakes.Graph;
using Notifications.Fakes.SendGrid;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Email;

/// <summary>No email secret reaches a log line, a test result or a channel view, whether the call succeeds or fails.</summary>
public sealed class EmailSecretsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private FakeProviders _fakes = null!;
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _fakes = await FakeProviders.StartAsync();
        _app = await TestApp.StartAsync(azurite.ConnectionString, null);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _fakes.DisposeAsync();
    }

    [Fact]
    public async Task Secrets_are_never_logged_or_returned()
    {
        var smtp = await SharedSmtp4dev.GetAsync();
        const string wrongSendGridKey = "SG.wrongkeyid.wrong-sendgrid-secret-value";
        var wrongAcsKey = Convert.ToBase64String("wrong-acs-access-key-value"u8.ToArray());
        const string wrongGraphSecret = "wrong-graph-client-secret-value";
        const string smtpPassword = "smtp-password-value";
        var channels = new[]
        {
            await _app.CreateSendGridAsync(_fakes), await _app.CreateSendGridAsync(_fakes, apiKey: wrongSendGridKey),
            await _app.CreateAcsAsync(_fakes), await _app.CreateAcsAsync(_fakes, _fakes.AcsConnectionString(wrongAcsKey)),
            await _app.CreateGraphAsync(_fakes), await _app.CreateGraphAsync(_fakes, clientSecret: wrongGraphSecret),
            await _app.CreateChannelAsync("smtp", new { server = "127.0.0.1", port = smtp.SmtpPort, username = "u", password = smtpPassword, senderAddress = "r@example.test" }),
        };

        var answers = new List<string>();
        foreach (var id in channels)
        {
            answers.Add((await _app.TestChannelAsync(id)).ToJsonString());
            answers.Add((await _app.TestChannelAsync(id, "person@example.test")).ToJsonString());
            answers.Add((await _app.SendAsync(id, "person@example.test", EmailTestData.Message())).ToString());
            answers.Add((await _app.Channels.GetAsync(id, default)).Body);
        }

        var everything = _app.Logs.AllText + string.Join("\n", answers);
        Assert.NotEmpty(_app.Logs.Lines);
        string[] secrets =
        [
            FakeSendGrid.FullAccessKey, wrongSendGridKey, FakeAcs.AccessKeyBase64, wrongAcsKey, _fakes.AcsConnectionString(),
            FakeGraph.MailSendSecret, wrongGraphSecret, smtpPassword,
        ];
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, everything));
        Assert.DoesNotContain("access_token", everything);
    }
}
