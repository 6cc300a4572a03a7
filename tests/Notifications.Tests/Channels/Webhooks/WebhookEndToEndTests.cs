using System.Text.Json.Nodes;
using Notifications.Fakes;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Webhooks;

/// <summary>
/// A schedule notifying all five webhook providers: the sample agent's result with charts goes through the real
/// pipeline (Azurite, queues, dispatcher) to each fake, within every limit, and no secret reaches a log line.
/// </summary>
public sealed class WebhookEndToEndTests(AzuriteFixture azurite) : PipelineTest(azurite)
{
    [Fact]
    public async Task A_result_with_charts_reaches_every_provider_and_no_secret_is_logged()
    {
        var notifications = new List<object>();
        foreach (var provider in WebhookChannels.Providers)
            notifications.Add(new { channelId = await WebhookChannels.CreateAsync(App, Fakes, provider), condition = "Always" });
        var schedule = await App.CreateScheduleAsync("Monthly revenue report", notifications.ToArray());

        var run = await App.RunNowAndPumpAsync(schedule);

        var statuses = run["deliveries"]!.AsArray().Select(d => (d!["provider"]?.GetValue<string>(), d["status"]!.GetValue<string>())).ToList();
        Assert.Equal(5, statuses.Count);
        Assert.All(statuses, s => Assert.Equal("Sent", s.Item2));

        var slack = Assert.Single(Fakes.Recorded.For("slack"));
        Assert.Equal(2, slack["blocks"]!.AsArray().Count(b => b!["type"]!.GetValue<string>() == "image"));

        var teams = Assert.Single(Fakes.Recorded.For("teams"));
        var card = teams["attachments"]![0]!["content"]!;
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal(2, card["body"]!.AsArray().Count(e => e!["type"]!.GetValue<string>() == "Image"));
        Assert.Contains(card["body"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "FactSet");

        var discord = Assert.Single(Fakes.Recorded.For("discord"));
        Assert.Equal("attachment://chart-1.png", discord["embeds"]![0]!["image"]!["url"]!.GetValue<string>());

        var telegram = Assert.Single(Fakes.Recorded.For("telegram"));
        var first = telegram is JsonArray parts ? parts[0]! : telegram;
        Assert.StartsWith("chart-1.png (image/png", first["photo"]!.GetValue<string>());
        Assert.Contains("<b>Morning report: succeeded</b>", first["caption"]!.GetValue<string>());

        var chat = Assert.Single(Fakes.Recorded.For("googlechat"))["text"]!.GetValue<string>();
        Assert.Contains("*Morning report: succeeded*", chat);
        Assert.Contains("/charts/", chat);

        var logs = App.Logs.AllText;
        Assert.Contains("Delivered", logs);
        foreach (var secret in new[] { "XXXXdemotoken", "demosig", "demotoken", FakeProviders.TelegramBotToken(), "AAHdemoToken", "/bot123456789" })
            Assert.DoesNotContain(secret, logs);
    }

    [Fact]
    public async Task Test_webhook_and_failing_sends_log_no_url_or_token()
    {
        foreach (var provider in WebhookChannels.Providers)
        {
            var ok = await WebhookChannels.CreateAsync(App, Fakes, provider);
            var revoked = await WebhookChannels.CreateAsync(App, Fakes, provider, revoked: true);
            (await App.Channels.TestAsync(ok, null, default)).Expect(200);
            var failed = (await App.Channels.TestAsync(revoked, null, default)).Expect(200);
            Assert.NotEqual("Success", failed["outcome"]!.GetValue<string>());
        }
        var logs = App.Logs.AllText;
        Assert.Contains("Tested channel", logs);
        foreach (var secret in new[] { "XXXXdemotoken", "demosig", "demotoken", "revokedAAAA", "AAHdemoToken", "/bot123456789", "token=" })
            Assert.DoesNotContain(secret, logs);
    }
}
