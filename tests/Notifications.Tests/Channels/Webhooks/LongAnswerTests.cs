using System.Text;
using System.Text.Json.Nodes;
using Notifications.Channels;
using Notifications.Fakes;
using Notifications.Fakes.Telegram;
using Notifications.Messages;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Webhooks;

/// <summary>A 20,000-character answer with tables, code, links, emoji (ZWJ sequences, skin tones) and CJK text reaches
/// every provider's fake without a single 4xx: split or truncated at safe points, with the marker where text was cut.</summary>
public sealed class LongAnswerTests(AzuriteFixture azurite) : FakesTest(azurite)
{
    public static string LongAnswer()
    {
        var md = new StringBuilder("# Quarterly report 📊\n\n");
        for (var i = 1; md.Length < 20_000; i++)
        {
            md.Append($"## Section {i}: 売上の概要 (収益は前年比で増加しました)\n\n");
            md.Append($"Team 👩🏽‍💻 and 👨‍👩‍👧‍👦 shipped **{i * 3} features** with _zero_ ~~bugs~~ incidents 👍🏿; see [the dashboard](https://example.com/q?i={i}&view=full) ")
              .Append("or <https://example.org/report>. AT&T <tag> & \"quotes\" @everyone <!channel> `inline <code>` 中文字符测试，한국어 텍스트도 포함됩니다.\n\n");
            md.Append("| Region | 売上 | Δ | Note |\n|---|---:|---:|---|\n");
            for (var r = 0; r < 4; r++) md.Append($"| R{r} 🌏 | {1000 + r * i} | +{r}% | 東京 & <Osaka> |\n");
            md.Append("\n```python\nfor row in rows:\n    print(f\"{row['region']}: {row['total']} 💰 <b>&amp;\")\n```\n\n");
            md.Append("- first ✅\n- second with a [link](https://example.com/a_(b))\n  1. nested 日本語\n\n> quoted *text* 🏳️‍🌈\n\n");
        }
        md.Append("END-OF-ANSWER 🎉");
        return md.ToString();
    }

    [Fact]
    public async Task Every_provider_delivers_it_without_a_4xx()
    {
        var markdown = LongAnswer();
        Assert.InRange(markdown.Length, 20_000, 21_500);
        var message = WebhookChannels.Message(markdown, charts: 2, runId: "long-run");

        foreach (var provider in WebhookChannels.Providers)
        {
            var id = await WebhookChannels.CreateAsync(App, Fakes, provider);
            var result = await WebhookChannels.Provider(App, provider).SendAsync(await WebhookChannels.ChannelAsync(App, id), null, message, default);
            Assert.True(result.Status == SendStatus.Sent, $"{provider}: {result.Detail}");
            Assert.NotNull(Assert.Single(Fakes.Recorded.For(provider)));
        }

        // Slack fits the whole answer in sections (50 blocks × 3000), so nothing is lost.
        var slack = Fakes.Recorded.For("slack")[0]["blocks"]!.AsArray();
        Assert.Contains(slack, b => b!["text"]?["text"]?.GetValue<string>().Contains("END-OF-ANSWER", StringComparison.Ordinal) == true);
        Assert.DoesNotContain("<!channel>", slack.ToJsonString());

        // Telegram splits instead of truncating: every part parses, and the end arrives.
        var telegram = Assert.IsType<JsonArray>(Fakes.Recorded.For("telegram")[0]);
        Assert.True(telegram.Count >= 6);
        var visible = string.Concat(telegram.Select(p => FakeTelegram.ParseHtml(p!["text"]?.GetValue<string>() ?? p["caption"]!.GetValue<string>()).Text));
        Assert.Contains("END-OF-ANSWER 🎉", visible);
        Assert.Contains("👨‍👩‍👧‍👦", visible);

        // Discord, Teams and Google Chat send one request, truncated with the visible marker.
        var discord = Fakes.Recorded.For("discord")[0]["embeds"]![0]!["description"]!.GetValue<string>();
        Assert.EndsWith(TextLimits.TruncatedMarker, discord);
        var chat = Fakes.Recorded.For("googlechat")[0]["text"]!.GetValue<string>();
        Assert.Contains(TextLimits.TruncatedMarker, chat);
        Assert.False(chat.Contains("@everyone", StringComparison.Ordinal), "a word joiner should break the mention");
        var teams = Fakes.Recorded.For("teams")[0].ToJsonString(Notifications.Channels.Webhooks.WebhookJson.Compact);
        Assert.Contains(TextLimits.TruncatedMarker, teams);
        Assert.Contains("\"type\":\"Image\"", teams);

        // No text anywhere ends in half a surrogate pair.
        foreach (var provider in WebhookChannels.Providers)
            foreach (var s in Strings(Fakes.Recorded.For(provider)[0]))
                Assert.False(s.Length > 0 && (char.IsHighSurrogate(s[^1]) || char.IsLowSurrogate(s[0])), $"{provider}: broken surrogate pair");
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };
}
