using System.Text;
using MimeKit;
using Notifications.Fakes;
using Notifications.Fakes.AzureEmail;
using Notifications.Fakes.Graph;
using Notifications.Fakes.SendGrid;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Email;

/// <summary>
/// A scheduled result with two charts delivered through all four email providers at once: smtp4dev for SMTP and the
/// fakes for SendGrid, ACS and Graph, each chart inline and referenced from the HTML by its Content-ID.
/// </summary>
public sealed class EmailDeliveryEndToEndTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private SampleAgentServer _agent = null!;
    private FakeProviders _fakes = null!;
    private TestApp _app = null!;

    public async Task InitializeAsync()
    {
        _agent = await SampleAgentServer.StartAsync();
        _fakes = await FakeProviders.StartAsync();
        _app = await TestApp.StartAsync(azurite.ConnectionString, _agent.Url);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _fakes.DisposeAsync();
        await _agent.DisposeAsync();
    }

    [Fact]
    public async Task A_run_with_charts_is_delivered_inline_by_every_provider()
    {
        var smtp = await SharedSmtp4dev.GetAsync();
        var recipient = SharedSmtp4dev.UniqueRecipient("all-email");
        var schedule = await _app.CreateScheduleAsync("Monthly revenue report",
            new { channelId = await _app.CreateSmtpChannelAsync(smtp.SmtpPort), target = recipient, condition = "Always" },
            new { channelId = await _app.CreateSendGridAsync(_fakes), target = "team@example.test", condition = "Always" },
            new { channelId = await _app.CreateAcsAsync(_fakes), target = "team@example.test", condition = "Always" },
            new { channelId = await _app.CreateGraphAsync(_fakes), target = "team@example.test", condition = "Always" });

        var run = await _app.RunNowAndPumpAsync(schedule);

        Assert.Equal(["Sent", "Sent", "Sent", "Sent"], run.DeliveryStatuses().Values);

        var mime = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Assert.Single(await smtp.RawMessagesToAsync(recipient)))));
        var images = mime.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png").ToList();
        Assert.Equal(2, images.Count);
        Assert.All(images, i => Assert.Contains($"cid:{i.ContentId}", mime.HtmlBody));

        var sendGrid = Assert.Single(_fakes.Recorded.For(FakeSendGrid.Provider));
        AssertInline(sendGrid["content"]![1]!["value"]!.GetValue<string>(), sendGrid["attachments"]!.AsArray().Select(a => a!["content_id"]!.GetValue<string>()));
        var acs = Assert.Single(_fakes.Recorded.For(FakeAcs.Provider));
        AssertInline(acs["content"]!["html"]!.GetValue<string>(), acs["attachments"]!.AsArray().Select(a => a!["contentId"]!.GetValue<string>()));
        var graph = Assert.Single(_fakes.Recorded.For(FakeGraph.Provider));
        AssertInline(graph["message"]!["body"]!["content"]!.GetValue<string>(), graph["message"]!["attachments"]!.AsArray().Select(a => a!["contentId"]!.GetValue<string>()));
        // The same charts, under the same Content-IDs, everywhere.
        Assert.Equal(images.Select(i => i.ContentId).Order(), sendGrid["attachments"]!.AsArray().Select(a => a!["content_id"]!.GetValue<string>()).Order());
    }

    private static void AssertInline(string html, IEnumerable<string> contentIds)
    {
        var ids = contentIds.ToList();
        Assert.Equal(2, ids.Count);
        Assert.All(ids, id => Assert.Contains($"src=\"cid:{id}\"", html));
        Assert.Contains("Monthly revenue", html);
    }
}
