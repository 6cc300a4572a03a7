using System.Text.Json.Nodes;
using MimeKit;
using Notifications.Fakes;
using Notifications.Tests.Support;

namespace Notifications.Tests.Pipeline;

/// <summary>
/// The main job end to end on real local components: Azurite, smtp4dev, the sample agent and the Slack fake,
/// with the ticker driven by fake time and the queues drained by the same pump the local host uses.
/// </summary>
public sealed class PipelineEndToEndTests(AzuriteFixture azurite) : PipelineTest(azurite)
{
    [Fact]
    public async Task Due_schedule_delivers_its_result_with_charts_to_smtp_and_slack()
    {
        var smtp = await SharedSmtp4dev.GetAsync();
        var recipient = SharedSmtp4dev.UniqueRecipient("e2e");
        await App.ResetSchedulingAsync();
        var email = await App.CreateSmtpChannelAsync(smtp.SmtpPort);
        var slack = await App.CreateSlackChannelAsync(Fakes.SlackWebhookUrl());
        await App.CreateScheduleAsync("Monthly revenue report",
            new { channelId = email, target = recipient, condition = "Always" },
            new { channelId = slack, condition = "Always" });

        Assert.Equal(0, await App.Ticker.TickAsync()); // 07:58, not due yet
        App.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await App.Ticker.TickAsync());
        await App.PumpQueuesAsync();

        // The email as smtp4dev received it: HTML referencing an inline PNG by Content-ID, and a text alternative.
        var raw = Assert.Single(await smtp.RawMessagesToAsync(recipient));
        var message = await MimeMessage.LoadAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(raw)));
        Assert.Equal("Morning report: succeeded", message.Subject);
        Assert.Contains("Monthly revenue", message.TextBody);
        var html = message.HtmlBody;
        var images = message.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png").ToList();
        Assert.Equal(2, images.Count);
        var sizes = new List<(int, int)>();
        foreach (var image in images)
        {
            Assert.Contains($"src=\"cid:{image.ContentId}\"", html);
            using var png = new MemoryStream();
            await image.Content.DecodeToAsync(png);
            Assert.True(PngInfo.IsPng(png.ToArray()), "inline part is not a PNG");
            sizes.Add(PngInfo.Size(png.ToArray()));
        }
        // The bar chart has no size (700x500); the line chart sets 900x400.
        Assert.Equal([(700, 500), (900, 400)], sizes);
        Assert.DoesNotContain("```plotly", html);
        Assert.DoesNotContain("\"data\"", message.TextBody);

        // The Slack payload: top-level text, header, fields, result sections and one image block per chart.
        var payload = Assert.Single(Fakes.Recorded.For("slack")).AsObject();
        Assert.False(string.IsNullOrWhiteSpace(payload["text"]!.GetValue<string>()));
        var blocks = payload["blocks"]!.AsArray().Select(b => b!.AsObject()).ToList();
        Assert.Equal("header", blocks[0]["type"]!.GetValue<string>());
        Assert.Equal("Morning report: succeeded", blocks[0]["text"]!["text"]!.GetValue<string>());
        var fields = blocks[1]["fields"]!.AsArray().Select(f => f!["text"]!.GetValue<string>()).ToList();
        Assert.StartsWith("*Prompt*\nMonthly revenue report", fields[0]);
        Assert.StartsWith("*Completed*\n2026-12-03 08:00", fields[1]);
        var sectionText = string.Join("\n", blocks.Where(b => b["type"]!.GetValue<string>() == "section" && b["text"] is not null)
            .Select(b => b["text"]!["text"]!.GetValue<string>()));
        Assert.Contains("*Monthly revenue*", sectionText);
        Assert.DoesNotContain("plotly", sectionText);
        Assert.DoesNotContain("\"layout\"", sectionText);
        var imageBlocks = blocks.Where(b => b["type"]!.GetValue<string>() == "image").ToList();
        Assert.Equal(2, imageBlocks.Count);
        Assert.All(imageBlocks, b => Assert.Contains("/charts/", b["image_url"]!.GetValue<string>()));

        // The chart behind the Slack image URL is the PNG that was rendered.
        using var http = new HttpClient();
        var chart = await http.GetByteArrayAsync(imageBlocks[0]["image_url"]!.GetValue<string>());
        Assert.True(PngInfo.IsPng(chart));
    }

    [Fact]
    public async Task A_broken_chart_still_delivers_the_text_with_a_note()
    {
        var slack = await App.CreateSlackChannelAsync(Fakes.SlackWebhookUrl());
        var prompt = "echo: Intro line.\n\n```plotly\n{\"data\": [ this is not json\n```\n\nClosing line.";
        var schedule = await App.CreateScheduleAsync(prompt, new { channelId = slack, condition = "Always" });

        var run = await App.RunNowAndPumpAsync(schedule);

        Assert.Equal("Succeeded", run["run"]!["status"]!.GetValue<string>());
        Assert.Equal(1, run["run"]!["omittedCharts"]!.GetValue<int>());
        Assert.Equal("Sent", Assert.Single(run.StatusByCondition()).Value);
        var text = Assert.Single(Fakes.Recorded.For("slack"))["blocks"]!.AsArray()
            .Where(b => b!["type"]!.GetValue<string>() == "section" && b["text"] is not null)
            .Select(b => b!["text"]!["text"]!.GetValue<string>()).Aggregate((a, b) => a + "\n" + b);
        Assert.Contains("Intro line.", text);
        Assert.Contains("Closing line.", text);
        Assert.Contains("could not be rendered", text);
        Assert.DoesNotContain("this is not json", text);
        Assert.Contains(App.Logs.Lines, l => l.Contains("was left out", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_channel_neither_blocks_nor_repeats_another()
    {
        var smtp = await SharedSmtp4dev.GetAsync();
        var recipient = SharedSmtp4dev.UniqueRecipient("isolation");
        var email = await App.CreateSmtpChannelAsync(smtp.SmtpPort);
        var slack = await App.CreateSlackChannelAsync(Fakes.SlackWebhookUrl());
        var schedule = await App.CreateScheduleAsync("echo: All checks passed.",
            new { channelId = email, target = recipient, condition = "Always" },
            new { channelId = slack, condition = "SuccessOnly" });
        Fakes.Scripted.Enqueue("slack", new ScriptedResponse(429, "rate_limited", RetryAfterSeconds: 7));

        var run = await App.RunNowAndPumpAsync(schedule);

        var statuses = run.StatusByCondition();
        Assert.Equal("Sent", statuses["Always"]);
        Assert.Equal("Retrying", statuses["SuccessOnly"]);
        Assert.Contains(App.Logs.Lines, l => l.Contains("will retry in 7s", StringComparison.Ordinal));
        Assert.Single(await smtp.RawMessagesToAsync(recipient));

        // The delayed retry is a new message; when it is handled, the email is not sent again.
        var runId = run["run"]!["id"]!.GetValue<string>();
        var slackNotification = run["deliveries"]!.AsArray().Single(d => d!["condition"]!.GetValue<string>() == "SuccessOnly")!["notificationId"]!.GetValue<string>();
        var emailNotification = run["deliveries"]!.AsArray().Single(d => d!["condition"]!.GetValue<string>() == "Always")!["notificationId"]!.GetValue<string>();
        var dispatcher = App.Get<Notifications.Deliveries.DeliveryDispatcher>();
        await dispatcher.DispatchAsync(new Notifications.Storage.DeliveryRequest(runId, slackNotification, 2));
        await dispatcher.DispatchAsync(new Notifications.Storage.DeliveryRequest(runId, emailNotification, 1)); // a duplicate message
        var after = (await App.Runs.GetAsync(runId, default)).Expect(200).StatusByCondition();
        Assert.Equal("Sent", after["SuccessOnly"]);
        Assert.Equal("Sent", after["Always"]);
        Assert.Single(await smtp.RawMessagesToAsync(recipient));
        Assert.Single(Fakes.Recorded.For("slack"));
    }

    [Fact]
    public async Task The_completion_time_is_shown_in_the_schedules_time_zone()
    {
        var slack = await App.CreateSlackChannelAsync(Fakes.SlackWebhookUrl());
        var schedule = (await App.Schedules.CreateAsync(AdminCalls.Json(new
        {
            name = "Berlin report", prompt = "echo: ok", cron = "0 8 * * *", timeZone = "Europe/Berlin",
            notifications = new[] { new { channelId = slack, condition = "Always" } },
        }), default)).Expect(201)["id"]!.GetValue<string>();

        await App.RunNowAndPumpAsync(schedule);

        var fields = Assert.Single(Fakes.Recorded.For("slack"))["blocks"]![1]!["fields"]!.AsArray();
        Assert.Equal("*Completed*\n2026-12-03 08:58 (Europe/Berlin)", fields[1]!["text"]!.GetValue<string>()); // 07:58 UTC
    }
}
