using Notifications.Fakes;
using Notifications.Fakes.AzureEmail;
using Notifications.Fakes.Graph;
using Notifications.Fakes.SendGrid;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Email;

/// <summary>No email secret reaches a log line, a test result or a channel view, whether the call succeeds or fails.</summary>
public sealed class EmailSecretsTests(AzuriteFixture azurite) : FakesTest(azurite)
{
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
            await App.CreateSendGridAsync(Fakes), await App.CreateSendGridAsync(Fakes, apiKey: wrongSendGridKey),
            await App.CreateAcsAsync(Fakes), await App.CreateAcsAsync(Fakes, Fakes.AcsConnectionString(wrongAcsKey)),
            await App.CreateGraphAsync(Fakes), await App.CreateGraphAsync(Fakes, clientSecret: wrongGraphSecret),
            await App.CreateChannelAsync("smtp", new { server = "127.0.0.1", port = smtp.SmtpPort, username = "u", password = smtpPassword, senderAddress = "r@example.test" }),
        };

        var answers = new List<string>();
        foreach (var id in channels)
        {
            answers.Add((await App.TestChannelAsync(id)).ToJsonString());
            answers.Add((await App.TestChannelAsync(id, "person@example.test")).ToJsonString());
            answers.Add((await App.SendAsync(id, "person@example.test", EmailTestData.Message())).ToString());
            answers.Add((await App.Channels.GetAsync(id, default)).Body);
        }

        var everything = App.Logs.AllText + string.Join("\n", answers);
        Assert.NotEmpty(App.Logs.Lines);
        string[] secrets =
        [
            FakeSendGrid.FullAccessKey, wrongSendGridKey, FakeAcs.AccessKeyBase64, wrongAcsKey, Fakes.AcsConnectionString(),
            FakeGraph.MailSendSecret, wrongGraphSecret, smtpPassword,
        ];
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, everything));
        Assert.DoesNotContain("access_token", everything);
    }
}
