using Notifications.Channels.Webhooks.Slack;
using Notifications.Fakes.Slack;
using Notifications.Messages;

namespace Notifications.Tests.Channels.Webhooks;

public sealed class SlackChartLimitTests
{
    [Fact]
    public void Charts_beyond_the_block_limit_are_counted_in_a_note_and_the_payload_stays_valid()
    {
        var charts = Enumerable.Range(1, 50)
            .Select(i => new ChartAttachment(i, $"c{i}", $"chart-{i}.png", $"Chart {i}", [1], new Uri($"https://charts.example/{i}.png"), 700, 500))
            .ToList();
        var message = new NotificationMessage("r", "Report", "prompt", true, DateTimeOffset.UnixEpoch, "Text.", null, charts, 0);

        var payload = SlackWebhookSender.Payload(message);

        var blocks = payload["blocks"]!.AsArray();
        Assert.True(blocks.Count <= SlackWebhookSender.BlockLimit);
        var images = blocks.Count(b => b!["type"]!.GetValue<string>() == "image");
        Assert.Equal(24, images);
        Assert.Contains("26 more chart(s) are not shown", blocks[^1]!["text"]!["text"]!.GetValue<string>());
        Assert.Null(FakeSlack.Check(payload));
    }
}
