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
public sealed class EmailDeliveryEndToEndTests(AzuriteFixture azurite) : PipelineTest(azurite)
{
    [Fact]
    public async Task A_run_with_charts_is_delivered_inline_by_every_provider()
    {
        var smtp = await SharedSmtp4dev.GetAsync();
        var recipient = SharedSmtp4dev.UniqueRecipient("all-email");
        var schedule = await App.CreateScheduleAsync("Monthly revenue report",
            new { channelId = await App.CreateSmtpChannelAsync(smtp.SmtpPort), target = recipient, condition = "Always" },
            new { channelId = await App.CreateSendGridAsync(Fakes), target = "team@example.test", condition = "Always" },
            new { channelId = await App.CreateAcsAsync(Fakes), target = "team@example.test", condition = "Always" },
            new { channelId = await App.CreateGraphAsync(Fakes), target = "team@example.test", condition = "Always" });

        var run = await App.RunNowAndPumpAsync(schedule);

        Assert.Equal(["Sent", "Sent", "Sent", "Sent"], run.DeliveryStatuses().Values);

        var mime = await MimeMessage.LoadAsync(new MemoryStream(Encoding.UTF8.GetBytes(Assert.Single(await smtp.RawMessagesToAsync(recipient)))));
        var images = mime.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png").ToList();
        Assert.Equal(2, images.Count);
        Assert.All(images, i => Assert.Contains($"cid:{i.ContentId}", mime.HtmlBody));

        var sendGrid = Assert.Single(Fakes.Recorded.For(FakeSendGrid.Provider));
        AssertInline(sendGrid["content"]![1]!["value"]!.GetValue<string>(), sendGrid["attachments"]!.AsArray().Select(a => a!["content_id"]!.GetValue<string>()));
        var acs = Assert.Single(Fakes.Recorded.For(FakeAcs.Provider));
        AssertInline(acs["content"]!["html"]!.GetValue<string>(), acs["attachments"]!.AsArray().Select(a => a!["contentId"]!.GetValue<string>()));
        var graph = Assert.Single(Fakes.Recorded.For(FakeGraph.Provider));
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
