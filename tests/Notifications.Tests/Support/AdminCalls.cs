using System.Text.Json;
using System.Text.Json.Nodes;
using Notifications.Api;

namespace Notifications.Tests.Support;

/// <summary>Small helpers for calling the admin API handlers with JSON and reading their answers.</summary>
public static class AdminCalls
{
    public static string Json(object body) => JsonSerializer.Serialize(body, JsonSerializerOptions.Web);

    public static JsonObject Body(this ApiResult result) => JsonNode.Parse(result.Body)!.AsObject();

    public static JsonObject Expect(this ApiResult result, int status)
    {
        Assert.True(result.Status == status, $"Expected {status}, got {result.Status}: {result.Body}");
        return result.Status == 204 ? new JsonObject() : result.Body();
    }

    public static async Task<string> CreateSmtpChannelAsync(this TestApp app, int port, string? password = null, string name = "Default")
    {
        var settings = new Dictionary<string, object?>
        {
            ["server"] = "127.0.0.1", ["port"] = port, ["useTls"] = false, ["useSsl"] = false,
            ["senderAddress"] = "reports@example.test", ["senderName"] = "Reports",
        };
        if (password is not null)
        {
            settings["username"] = "reports";
            settings["password"] = password;
        }
        var result = await app.Channels.CreateAsync(Json(new { name, provider = "smtp", settings }), default);
        return result.Expect(201)["id"]!.GetValue<string>();
    }

    public static async Task<string> CreateSlackChannelAsync(this TestApp app, Uri webhookUrl, string name = "Engineering Slack")
    {
        var result = await app.Channels.CreateAsync(Json(new { name, provider = "slack", settings = new { webhookUrl = webhookUrl.ToString() } }), default);
        return result.Expect(201)["id"]!.GetValue<string>();
    }

    public static async Task<string> CreateScheduleAsync(this TestApp app, string prompt, params object[] notifications)
    {
        var result = await app.Schedules.CreateAsync(Json(new
        {
            name = "Morning report", prompt, cron = "0 8 * * *", timeZone = "UTC", notifications,
        }), default);
        return result.Expect(201)["id"]!.GetValue<string>();
    }

    public static async Task<JsonObject> RunNowAndPumpAsync(this TestApp app, string scheduleId)
    {
        var accepted = (await app.Schedules.RunNowAsync(scheduleId, default)).Expect(202);
        await app.PumpQueuesAsync();
        return (await app.Runs.GetAsync(accepted["runId"]!.GetValue<string>(), default)).Expect(200);
    }

    public static Dictionary<string, string> DeliveryStatuses(this JsonObject runView) =>
        runView["deliveries"]!.AsArray().ToDictionary(d => d!["notificationId"]!.GetValue<string>(), d => d!["status"]!.GetValue<string>());
}

public static class RunViews
{
    public static Dictionary<string, string> StatusByCondition(this JsonObject runView) =>
        runView["deliveries"]!.AsArray().ToDictionary(d => d!["condition"]!.GetValue<string>(), d => d!["status"]!.GetValue<string>());
}
