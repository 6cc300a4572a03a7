using Notifications.Channels;
using Notifications.Fakes;
using Notifications.Messages;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Webhooks;

/// <summary>Creates webhook channels pointing at the fakes through the admin API, and builds messages for the senders.</summary>
public static class WebhookChannels
{
    public static readonly string[] Providers = ["slack", "teams", "discord", "telegram", "googlechat"];

    /// <summary>The settings each provider needs against the fakes (the same JSON the docs show for the demo).</summary>
    public static object Settings(FakeProviders fakes, string provider, string? chatId = null, bool revoked = false) => provider switch
    {
        "slack" => new { webhookUrl = fakes.SlackWebhookUrl(revoked ? "revoked" : "XXXXdemotoken").ToString() },
        "teams" => new { webhookUrl = fakes.TeamsWebhookUrl(revoked ? "expired" : "demosig").ToString() },
        "discord" => new { webhookUrl = fakes.DiscordWebhookUrl(revoked ? "expired" : "demotoken").ToString() },
        "telegram" => new { botToken = FakeProviders.TelegramBotToken(revoked), chatId = chatId ?? "-1001234567890", apiBaseUrl = fakes.TelegramApiBaseUrl.ToString() },
        "googlechat" => new { webhookUrl = fakes.GoogleChatWebhookUrl(revoked ? "expired" : "demotoken").ToString() },
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };

    public static async Task<string> CreateAsync(TestApp app, string provider, object settings, string? name = null)
    {
        var result = await app.Channels.CreateAsync(AdminCalls.Json(new { name = name ?? $"Fake {provider}", provider, settings }), default);
        return result.Expect(201)["id"]!.GetValue<string>();
    }

    public static Task<string> CreateAsync(TestApp app, FakeProviders fakes, string provider, string? chatId = null, bool revoked = false) =>
        CreateAsync(app, provider, Settings(fakes, provider, chatId, revoked));

    public static async Task<Channel> ChannelAsync(TestApp app, string id) =>
        (await app.Get<ChannelRepository>().FindAsync(id, default))!;

    public static IChannelProvider Provider(TestApp app, string id) => app.Get<ChannelProviderRegistry>().Get(id);

    /// <summary>A tiny valid PNG (1×1), enough for the fakes' checks.</summary>
    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static ChartAttachment Chart(int index) => new(index, $"chart-{index}.run@notifications", $"chart-{index}.png",
        $"Chart {index}: monthly revenue by region", Png, new Uri($"https://charts.example.test/run1/chart-{index}.png"), 700, 500);

    public static NotificationMessage Message(string markdown, int charts = 1, string schedule = "Morning report", string prompt = "Monthly revenue report",
        bool succeeded = true, string runId = "run1") =>
        new(runId, schedule, prompt, succeeded, TestApp.Start.AddMinutes(2), markdown, succeeded ? null : markdown,
            Enumerable.Range(1, charts).Select(Chart).ToList(), 0);

    /// <summary>A typical result: heading, paragraph with emphasis and a link, a list, a table, code, a quote.</summary>
    public const string TypicalMarkdown = """
        ## Monthly revenue

        Revenue grew **12%** to *$1.2M* in November; see the [dashboard](https://example.com/dash?a=1&b=2).

        - EMEA: 480k
        - Americas: 520k
          - US: 400k
        - APAC: 200k

        | Region | Revenue | Change |
        |---|---:|---:|
        | EMEA | 480k | +8% |
        | Americas | 520k | +15% |

        ```sql
        SELECT region, SUM(amount) FROM sales GROUP BY region;
        ```

        > Note: <b>figures</b> are preliminary & unaudited. @here <!channel>
        """;
}
