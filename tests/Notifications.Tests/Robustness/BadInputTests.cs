using Azure.Storage.Queues;
using Notifications.Fakes;
using Notifications.Runs;
using Notifications.Storage;
using Notifications.Tests.Support;

namespace Notifications.Tests.Robustness;

/// <summary>
/// Inputs found by adversarial testing that used to crash the admin API (500) or wedge the pipeline: each must now get a
/// 4xx naming the field, or still deliver the text.
/// </summary>
public sealed class BadInputTests(AzuriteFixture azurite) : PipelineTest(azurite)
{
    [Theory]
    [InlineData("""{"name":"a","name":"b","provider":"smtp","settings":{}}""")]
    [InlineData("""{"name":"a","provider":"slack","settings":{"webhookUrl":"x","webhookUrl":"y"}}""")]
    public async Task Duplicate_property_names_are_a_400_not_a_500(string body)
    {
        var problem = (await App.Channels.CreateAsync(body, default)).Expect(400);
        Assert.Equal("The request body is not valid JSON.", problem["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Duplicate_names_inside_a_notification_are_a_400()
    {
        var body = """{"name":"n","prompt":"p","cron":"0 8 * * *","notifications":[{"channelId":"a","channelId":"b"}]}""";
        (await App.Schedules.CreateAsync(body, default)).Expect(400);
    }

    [Theory]
    [InlineData("""{"name":"\ud800","prompt":"p","cron":"0 8 * * *"}""", "$.name")]
    [InlineData("""{"name":"n","prompt":"p\udc00","cron":"0 8 * * *"}""", "$.prompt")]
    [InlineData("""{"name":"n","prompt":"p","cron":"0 8 * * *","notifications":[{"channelId":"c","target":"\ud83d"}]}""", "$.notifications[0].target")]
    public async Task An_unpaired_surrogate_is_a_400_naming_where_it_is(string body, string path)
    {
        var result = await App.Schedules.CreateAsync(body, default);
        var problem = result.Expect(400);
        Assert.Contains(path, problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unpaired_surrogate_in_channel_settings_is_a_400()
    {
        var body = """{"name":"n","provider":"slack","settings":{"webhookUrl":"https://hooks.slack.com/services/T1/B1/\udfff"}}""";
        var problem = (await App.Channels.CreateAsync(body, default)).Expect(400);
        Assert.Contains("$.settings.webhookUrl", problem["detail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("name", 201)]
    [InlineData("prompt", 16_001)]
    public async Task Text_too_long_for_table_storage_is_a_400_naming_the_field(string field, int length)
    {
        var values = new Dictionary<string, object> { ["name"] = "n", ["prompt"] = "p", ["cron"] = "0 8 * * *" };
        values[field] = new string('x', length);
        var problem = (await App.Schedules.CreateAsync(AdminCalls.Json(values), default)).Expect(400);
        Assert.Contains("at most", problem["errors"]![field]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Text_just_inside_the_limits_is_stored()
    {
        var body = AdminCalls.Json(new { name = new string('n', 200), prompt = new string('p', 16_000), cron = "0 8 * * *" });
        (await App.Schedules.CreateAsync(body, default)).Expect(201);
    }

    [Fact]
    public async Task Five_hundred_notifications_are_a_400_on_notifications()
    {
        var email = await App.CreateSmtpChannelAsync(2525);
        var notifications = Enumerable.Range(0, 500).Select(i => new { channelId = email, target = $"u{i}@example.test" }).ToArray();
        var body = AdminCalls.Json(new { name = "many", prompt = "p", cron = "0 8 * * *", notifications });
        var problem = (await App.Schedules.CreateAsync(body, default)).Expect(400);
        Assert.NotNull(problem["errors"]!["notifications"]);
    }

    [Fact]
    public async Task Notifications_too_long_to_store_are_a_400_on_notifications()
    {
        var email = await App.CreateSmtpChannelAsync(2525);
        // 50 notifications, each with a long list of recipients: few enough, but over the column's size.
        var target = string.Join(",", Enumerable.Range(0, 40).Select(i => $"someone.with.a.long.name{i}@example.test"));
        var notifications = Enumerable.Range(0, 50).Select(_ => new { channelId = email, target }).ToArray();
        var body = AdminCalls.Json(new { name = "wide", prompt = "p", cron = "0 8 * * *", notifications });
        var problem = (await App.Schedules.CreateAsync(body, default)).Expect(400);
        Assert.Contains("too long", problem["errors"]!["notifications"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_channel_name_or_settings_too_long_to_store_is_a_400()
    {
        var settings = new { server = "127.0.0.1", port = 2525, useTls = false, useSsl = false, senderAddress = "r@example.test" };
        var longName = AdminCalls.Json(new { name = new string('c', 70_000), provider = "smtp", settings });
        Assert.NotNull((await App.Channels.CreateAsync(longName, default)).Expect(400)["errors"]!["name"]);

        var longSetting = AdminCalls.Json(new { name = "c", provider = "smtp", settings = new
        {
            server = "127.0.0.1", port = 2525, useTls = false, useSsl = false, senderAddress = "r@example.test", senderName = new string('s', 40_000),
        } });
        Assert.NotNull((await App.Channels.CreateAsync(longSetting, default)).Expect(400)["errors"]!["settings"]);
    }

    [Fact]
    public async Task A_body_over_a_megabyte_is_a_413()
    {
        var body = AdminCalls.Json(new { name = "n", prompt = "p", cron = "0 8 * * *", padding = new string('A', 5_000_000) });
        var problem = (await App.Schedules.CreateAsync(body, default)).Expect(413);
        Assert.Equal(413, problem["status"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("0 0 31 2 *")]
    [InlineData("0 0 30 2 *")]
    public async Task A_cron_that_never_occurs_is_a_400_on_cron(string cron)
    {
        var problem = (await App.Schedules.CreateAsync(AdminCalls.Json(new { name = "never", prompt = "p", cron }), default)).Expect(400);
        Assert.Equal("This cron expression never occurs.", problem["errors"]!["cron"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task An_answer_nested_beyond_markdigs_limit_is_still_delivered()
    {
        var slack = await App.CreateSlackChannelAsync(Fakes.SlackWebhookUrl());
        var answer = string.Concat(Enumerable.Repeat("> ", 200)) + "deep end";
        var schedule = await App.CreateScheduleAsync("echo:" + answer, new { channelId = slack, condition = "Always" });

        var view = await App.RunNowAndPumpAsync(schedule);

        Assert.Equal("Succeeded", view["run"]!["status"]!.GetValue<string>());
        Assert.Equal(["Sent"], view.DeliveryStatuses().Values);
        var payload = Assert.Single(Fakes.Recorded.For("slack")).ToJsonString();
        Assert.Contains("deep end", payload);
        Assert.Contains("shown as it came", payload);
    }

    [Fact]
    public void The_plain_text_fallback_cannot_be_closed_by_backticks_in_the_answer()
    {
        var answer = string.Concat(Enumerable.Repeat("> ", 200)) + "\n``````\n# not a heading";
        var processed = App.Get<ResultCharts>().Process(answer, "r1");
        Assert.Contains("\n```````\n", processed.Text); // seven: one more than the longest run inside
        Assert.EndsWith("# not a heading\n```````", processed.Text);
    }

    [Fact]
    public async Task A_message_that_is_not_base64_goes_to_the_poison_queue_and_the_rest_of_the_batch_runs()
    {
        await App.ResetSchedulingAsync();
        var raw = new QueueClient(Azurite.ConnectionString, StorageNames.RunQueue); // no Base64: what a foreign producer sends
        await raw.SendMessageAsync("not base64 !!!");
        var slack = await App.CreateSlackChannelAsync(Fakes.SlackWebhookUrl());
        var schedule = await App.CreateScheduleAsync("echo:fine", new { channelId = slack, condition = "Always" });
        var accepted = (await App.Schedules.RunNowAsync(schedule, default)).Expect(202);

        await App.PumpQueuesAsync();

        var run = (await App.Runs.GetAsync(accepted["runId"]!.GetValue<string>(), default)).Expect(200);
        Assert.Equal("Succeeded", run["run"]!["status"]!.GetValue<string>());
        var poison = new QueueClient(Azurite.ConnectionString, StorageNames.RunQueue + StorageNames.PoisonSuffix);
        var moved = Assert.Single((await poison.PeekMessagesAsync(32)).Value).Body.ToString();
        // Kept as received; the poison queue's client may have Base64-encoded it on the way in.
        Assert.Contains(moved, new[] { "not base64 !!!", Convert.ToBase64String("not base64 !!!"u8) });
        Assert.Equal(0, (await raw.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Fact]
    public async Task A_bad_test_recipient_is_reported_on_recipient()
    {
        var email = await App.CreateSmtpChannelAsync(2525);
        var problem = (await App.Channels.TestAsync(email, AdminCalls.Json(new { recipient = "not-an-address" }), default)).Expect(400);
        Assert.NotNull(problem["errors"]!["recipient"]);
        Assert.Null(problem["errors"]!["target"]);
    }
}
