using System.Text.Json.Nodes;
using Notifications.Tests.Support;

namespace Notifications.Tests.Api;

/// <summary>Invalid input is refused with RFC 9457 problem details that name each field.</summary>
public sealed class ValidationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TestApp _app = null!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(azurite.ConnectionString, null);

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static JsonObject Errors(Notifications.Api.ApiResult result)
    {
        Assert.Equal(400, result.Status);
        Assert.Equal("application/problem+json", result.ContentType);
        var body = result.Body();
        Assert.Equal(400, body["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(body["title"]!.GetValue<string>()));
        return body["errors"]!.AsObject();
    }

    [Fact]
    public async Task Smtp_with_tls_and_ssl_together_is_refused_on_the_field()
    {
        var errors = Errors(await _app.Channels.CreateAsync(AdminCalls.Json(new
        {
            name = "Default", provider = "smtp",
            settings = new { server = "smtp.example.com", port = 587, useTls = true, useSsl = true, senderAddress = "a@example.com" },
        }), default));
        Assert.Equal("TLS and SSL can't be used together. Use TLS on port 587 and SSL on port 465.",
            errors["settings.useSsl"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Smtp_port_mismatch_is_saved_with_a_warning()
    {
        var result = await _app.Channels.CreateAsync(AdminCalls.Json(new
        {
            name = "Default", provider = "smtp",
            settings = new { server = "smtp.example.com", port = 587, useSsl = true, senderAddress = "a@example.com" },
        }), default);
        var body = result.Expect(201);
        Assert.Contains("465", body["warnings"]!["settings.useSsl"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Smtp_missing_and_malformed_fields_are_each_named()
    {
        var errors = Errors(await _app.Channels.CreateAsync(AdminCalls.Json(new
        {
            name = "", provider = "smtp", settings = new { port = 70000, senderAddress = "not-an-address", username = "u" },
        }), default));
        Assert.True(errors.ContainsKey("name"));
        Assert.True(errors.ContainsKey("settings.server"));
        Assert.True(errors.ContainsKey("settings.port"));
        Assert.True(errors.ContainsKey("settings.senderAddress"));
        Assert.True(errors.ContainsKey("settings.password"));
    }

    [Fact]
    public async Task Wrong_types_and_unknown_settings_are_named()
    {
        var wrongType = Errors(await _app.Channels.CreateAsync(
            """{"name":"x","provider":"smtp","settings":{"server":"s","port":"five-eight-seven","senderAddress":"a@example.com"}}""", default));
        Assert.True(wrongType.ContainsKey("settings.port"), wrongType.ToJsonString());
        var unknown = Errors(await _app.Channels.CreateAsync(
            """{"name":"x","provider":"slack","settings":{"webhookUrl":"https://hooks.slack.com/services/T1/B1/x","colour":"red"}}""", default));
        Assert.True(unknown.ContainsKey("settings.colour"), unknown.ToJsonString());
    }

    [Theory]
    [InlineData("https://example.com/services/T1/B1/abc", "Not a webhook URL of this provider")]
    [InlineData("https://hooks.slack.com/triggers/T1/123/abc", "Workflow Builder")]
    [InlineData("not a url", "Not a valid URL")]
    public async Task Slack_urls_of_the_wrong_shape_are_refused(string url, string expected)
    {
        var errors = Errors(await _app.Channels.CreateAsync(AdminCalls.Json(new { name = "Eng", provider = "slack", settings = new { webhookUrl = url } }), default));
        Assert.Contains(expected, errors["settings.webhookUrl"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_provider_and_bad_json_are_refused()
    {
        var errors = Errors(await _app.Channels.CreateAsync(AdminCalls.Json(new { name = "x", provider = "pigeon", settings = new { } }), default));
        Assert.Contains("smtp", errors["provider"]![0]!.GetValue<string>());
        var malformed = await _app.Channels.CreateAsync("{\"name\": ", default);
        Assert.Equal(400, malformed.Status);
        Assert.Equal("application/problem+json", malformed.ContentType);
    }

    [Fact]
    public async Task Schedule_fields_and_each_notification_are_validated()
    {
        var channel = await _app.CreateSlackChannelAsync(new Uri("http://127.0.0.1:9/slack/services/T1/B1/x"));
        var email = await _app.CreateSmtpChannelAsync(25);
        var errors = Errors(await _app.Schedules.CreateAsync(AdminCalls.Json(new
        {
            name = "Report", prompt = "", cron = "61 * * * *", timeZone = "Mars/Olympus",
            notifications = new object[]
            {
                new { channelId = "nope", condition = "Always" },
                new { channelId = channel, condition = "Sometimes" },
                new { channelId = email, target = "someone@", condition = "Always" },
                new { channelId = email, condition = "Always" },
            },
        }), default));
        Assert.True(errors.ContainsKey("prompt"));
        Assert.True(errors.ContainsKey("cron"));
        Assert.True(errors.ContainsKey("timeZone"));
        Assert.Contains("No channel 'nope'", errors["notifications[0].channelId"]![0]!.GetValue<string>());
        Assert.True(errors.ContainsKey("notifications[1].condition"));
        Assert.Contains("someone@", errors["notifications[2].target"]![0]!.GetValue<string>());
        Assert.True(errors.ContainsKey("notifications[3].target"));
    }

    [Fact]
    public async Task A_channel_in_use_cannot_be_deleted()
    {
        var channel = await _app.CreateSlackChannelAsync(new Uri("http://127.0.0.1:9/slack/services/T1/B1/x"));
        await _app.CreateScheduleAsync("echo: x", new { channelId = channel, condition = "Always" });
        var result = await _app.Channels.DeleteAsync(channel, default);
        Assert.Equal(409, result.Status);
        Assert.Contains("Morning report", result.Body);
    }
}

public sealed class ChannelChangeTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task A_channel_in_use_cannot_switch_provider_and_sub_minute_cron_is_refused()
    {
        await using var app = await TestApp.StartAsync(azurite.ConnectionString, null);
        var email = await app.CreateSmtpChannelAsync(25);
        await app.CreateScheduleAsync("echo: x", new { channelId = email, target = "lead@example.test", condition = "Always" });

        var switched = await app.Channels.UpdateAsync(email, AdminCalls.Json(new
        {
            name = "Now Slack", provider = "slack", settings = new { webhookUrl = "https://hooks.slack.com/services/T1/B1/abc" },
        }), default);
        Assert.Equal(409, switched.Status);
        Assert.Equal("smtp", (await app.Channels.GetAsync(email, default)).Expect(200)["provider"]!.GetValue<string>());

        var everySecond = await app.Schedules.CreateAsync(AdminCalls.Json(new { name = "Busy", prompt = "x", cron = "* * * * * *", timeZone = "UTC" }), default);
        Assert.Equal(400, everySecond.Status);
        Assert.True(everySecond.Body()["errors"]!.AsObject().ContainsKey("cron"));
        (await app.Schedules.CreateAsync(AdminCalls.Json(new { name = "Fine", prompt = "x", cron = "30 */5 * * * *", timeZone = "UTC" }), default)).Expect(201);
    }
}
