using System.Text;
using System.Text.Json.Nodes;
using Notifications.Channels;
using Notifications.Channels.Webhooks;
using Notifications.Channels.Webhooks.Discord;
using Notifications.Channels.Webhooks.GoogleChat;
using Notifications.Channels.Webhooks.Slack;
using Notifications.Channels.Webhooks.Teams;
using Notifications.Channels.Webhooks.Telegram;
using Notifications.Fakes;
using Notifications.Fakes.Telegram;
using Notifications.Messages;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Webhooks;

/// <summary>Each provider's limits at their boundary: exactly at the limit passes unchanged, one over is cut safely and marked,
/// and what is sent is accepted by the fake that enforces the limit.</summary>
public sealed class WebhookLimitsTests(AzuriteFixture azurite) : FakesTest(azurite)
{
    private const string Marker = TextLimits.TruncatedMarker;
    private async Task<SendResult> SendAsync(string provider, NotificationMessage message)
    {
        var id = await WebhookChannels.CreateAsync(App, Fakes, provider);
        return await WebhookChannels.Provider(App, provider).SendAsync(await WebhookChannels.ChannelAsync(App, id), null, message, default);
    }

    private static NotificationMessage Titled(int titleLength) =>
        WebhookChannels.Message("Body.", schedule: new string('S', titleLength - ": succeeded".Length));

    // ---- Slack: header 150, section 3000, fields 2000, 50 blocks, alt_text, top-level text

    [Fact]
    public async Task Slack_header_at_150_is_kept_and_151_is_truncated()
    {
        Assert.Equal(150, Titled(150).Title.Length);
        Assert.Equal(Titled(150).Title, SlackWebhookSender.Payload(Titled(150))["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        var cut = SlackWebhookSender.Payload(Titled(151))["blocks"]![0]!["text"]!["text"]!.GetValue<string>();
        Assert.Equal(150, cut.Length);
        Assert.EndsWith(Marker, cut);
        Assert.Equal(SendStatus.Sent, (await SendAsync("slack", Titled(151))).Status);
    }

    [Fact]
    public async Task Slack_section_at_3000_is_one_block_and_3001_is_two()
    {
        static List<string> Sections(JsonObject p) => p["blocks"]!.AsArray().Where(b => b!["type"]!.GetValue<string>() == "section" && b["text"] is not null)
            .Select(b => b!["text"]!["text"]!.GetValue<string>()).ToList();
        var exact = Sections(SlackWebhookSender.Payload(WebhookChannels.Message(Words(3000), charts: 0)));
        Assert.Equal(3000, Assert.Single(exact).Length);
        var over = Sections(SlackWebhookSender.Payload(WebhookChannels.Message(Words(3001), charts: 0)));
        Assert.Equal(2, over.Count);
        Assert.All(over, s => Assert.InRange(s.Length, 1, 3000));
        Assert.Equal(Words(3001), string.Join(" ", over));
        Assert.Equal(SendStatus.Sent, (await SendAsync("slack", WebhookChannels.Message(Words(3001)))).Status);
    }

    [Fact]
    public async Task Slack_prompt_field_is_cut_at_2000_and_a_huge_result_stays_within_50_blocks()
    {
        var message = WebhookChannels.Message(Words(400_000), charts: 3, prompt: new string('p', 2500));
        var payload = SlackWebhookSender.Payload(message);
        var blocks = payload["blocks"]!.AsArray();
        Assert.Equal(50, blocks.Count);
        var prompt = blocks[1]!["fields"]![0]!["text"]!.GetValue<string>();
        Assert.Equal(2000, prompt.Length);
        Assert.EndsWith(Marker, prompt);
        var lastSection = blocks.Last(b => b!["type"]!.GetValue<string>() == "section")!["text"]!["text"]!.GetValue<string>();
        Assert.EndsWith(Marker, lastSection);
        Assert.All(blocks.Where(b => b!["type"]!.GetValue<string>() == "image"), b => Assert.False(string.IsNullOrEmpty(b!["alt_text"]!.GetValue<string>())));
        Assert.False(string.IsNullOrWhiteSpace(payload["text"]!.GetValue<string>()));
        Assert.Equal(SendStatus.Sent, (await SendAsync("slack", message)).Status);
        Assert.Null(FakeSlackCheck(payload));
    }

    private static string? FakeSlackCheck(JsonObject payload) => Notifications.Fakes.Slack.FakeSlack.Check(payload);

    // ---- Discord: title 256, description 4096, field value 1024, 6000 in total

    [Fact]
    public async Task Discord_title_at_256_is_kept_and_257_is_truncated()
    {
        var embed = DiscordWebhookSender.Build(Titled(256)).Payload["embeds"]![0]!;
        Assert.Equal(Titled(256).Title, embed["title"]!.GetValue<string>());
        var cut = DiscordWebhookSender.Build(Titled(257)).Payload["embeds"]![0]!["title"]!.GetValue<string>();
        Assert.Equal(256, cut.Length);
        Assert.EndsWith(Marker, cut);
        Assert.Equal(SendStatus.Sent, (await SendAsync("discord", Titled(257))).Status);
    }

    [Fact]
    public async Task Discord_description_at_4096_is_kept_and_4097_is_truncated_with_all_limits_maxed_under_6000()
    {
        var exact = DiscordWebhookSender.Build(WebhookChannels.Message(Words(4096)));
        Assert.Equal(Words(4096), exact.Payload["embeds"]![0]!["description"]!.GetValue<string>());

        var maxed = WebhookChannels.Message(Words(4097), schedule: new string('S', 300), prompt: new string('p', 1025));
        var embed = DiscordWebhookSender.Build(maxed).Payload["embeds"]![0]!;
        var description = embed["description"]!.GetValue<string>();
        Assert.InRange(description.Length, 4000, 4096);
        Assert.EndsWith(Marker, description);
        var prompt = embed["fields"]![0]!["value"]!.GetValue<string>();
        Assert.Equal(1024, prompt.Length);
        var total = embed["title"]!.GetValue<string>().Length + description.Length
            + embed["fields"]!.AsArray().Sum(f => f!["name"]!.GetValue<string>().Length + f["value"]!.GetValue<string>().Length);
        Assert.True(total <= 6000, $"embed total {total}");
        Assert.Equal(SendStatus.Sent, (await SendAsync("discord", maxed)).Status);
    }

    [Fact]
    public async Task Discord_fake_refuses_each_limit_with_50035()
    {
        using var http = new HttpClient();
        async Task<(int, string)> Post(object payload)
        {
            var r = await http.PostAsync(Fakes.DiscordWebhookUrl(), new StringContent(AdminCalls.Json(payload), Encoding.UTF8, "application/json"));
            return ((int)r.StatusCode, await r.Content.ReadAsStringAsync());
        }
        var over = new[]
        {
            (object)new { content = new string('c', 2001) },
            new { embeds = new[] { new { title = new string('t', 257) } } },
            new { embeds = new[] { new { description = new string('d', 4097) } } },
            new { embeds = new[] { new { description = new string('d', 3001) }, new { description = new string('d', 3000) } } },
            new { embeds = new[] { new { title = "x", fields = Enumerable.Range(0, 26).Select(i => new { name = "n", value = "v" }).ToArray() } } },
            new { embeds = new[] { new { title = "x", fields = new[] { new { name = "n", value = new string('v', 1025) } } } } },
        };
        foreach (var payload in over)
        {
            var (status, body) = await Post(payload);
            Assert.Equal(400, status);
            Assert.Contains("\"code\":50035", body);
        }
        Assert.Equal(204, (await Post(new { content = new string('c', 2000) })).Item1);
        Assert.Equal(204, (await Post(new { embeds = new[] { new { description = new string('d', 4096) } } })).Item1);
    }

    // ---- Telegram: 4096 per message, 1024 per caption; split never inside a tag, an entity or a surrogate pair

    [Fact]
    public void Telegram_message_at_4096_is_one_and_4097_is_two()
    {
        Assert.Single(HtmlChunks.Split(new string('a', 4096), 4096, 4096));
        var two = HtmlChunks.Split(new string('a', 4097), 4096, 4096);
        Assert.Equal([4096, 1], two.Select(c => c.Length));
    }

    [Fact]
    public void Telegram_chunks_stay_well_formed_and_never_split_entities_or_surrogates()
    {
        var html = "<b>" + string.Concat(Enumerable.Repeat("AT&amp;T 😀👩🏽‍💻 漢字 <a href=\"https://example.com/?a=1&amp;b=2\">link</a> ", 400)) + "</b>";
        var chunks = HtmlChunks.Split(html, 1024, 4096);
        Assert.True(chunks.Count > 2);
        Assert.InRange(chunks[0].Length, 1, 1024);
        foreach (var chunk in chunks)
        {
            Assert.True(chunk.Length <= 4096);
            var (visible, problem) = FakeTelegram.ParseHtml(chunk);
            Assert.Null(problem);
            Assert.StartsWith("<b>", chunk);
            Assert.EndsWith("</b>", chunk);
            Assert.False(char.IsHighSurrogate(visible[^1]), "chunk ends inside a surrogate pair");
            Assert.False(char.IsLowSurrogate(visible[0]), "chunk starts inside a surrogate pair");
            Assert.False(chunk.Contains("\u200D</", StringComparison.Ordinal), "a ZWJ sequence was cut after its joiner");
        }
        var joined = string.Concat(chunks.Select(c => FakeTelegram.ParseHtml(c).Text));
        Assert.Equal(400, System.Text.RegularExpressions.Regex.Matches(joined, "👩🏽‍💻").Count);
    }

    [Fact]
    public async Task Telegram_caption_is_at_most_1024_and_the_rest_follows_as_messages()
    {
        var parts = TelegramBotSender.Parts("-1001", WebhookChannels.Message(Words(6000), charts: 1));
        Assert.Equal("sendPhoto", parts[0].Method);
        Assert.InRange(FakeTelegram.ParseHtml(parts[0].Fields["caption"]!.GetValue<string>()).Text.Length, 900, 1024);
        Assert.All(parts.Skip(1), p => Assert.Equal("sendMessage", p.Method));
        Assert.True(parts.Count >= 3);
        Assert.Equal(SendStatus.Sent, (await SendAsync("telegram", WebhookChannels.Message(Words(6000), charts: 1))).Status);
        var recorded = Assert.IsType<JsonArray>(Assert.Single(Fakes.Recorded.For("telegram")));
        Assert.Equal(parts.Count, recorded.Count);
    }

    // ---- Teams: the whole payload under 28 KB

    [Theory]
    [InlineData("a")]
    [InlineData("漢")]
    [InlineData("😀")]
    public async Task Teams_payload_stays_under_28_KB_for_any_script(string unit)
    {
        var markdown = string.Join("\n\n", Enumerable.Range(0, 400).Select(i => $"Line {i} " + string.Concat(Enumerable.Repeat(unit, 100))));
        var payload = TeamsWebhookSender.Payload(WebhookChannels.Message(markdown, charts: 2));
        var bytes = Encoding.UTF8.GetByteCount(payload.ToJsonString(WebhookJson.Compact));
        Assert.InRange(bytes, 20_000, TeamsWebhookSender.PayloadLimitBytes - 1);
        var texts = payload["attachments"]![0]!["content"]!["body"]!.AsArray().Where(e => e!["type"]!.GetValue<string>() == "TextBlock").ToList();
        Assert.EndsWith(Marker, texts[^1]!["text"]!.GetValue<string>());
        Assert.Equal(SendStatus.Sent, (await SendAsync("teams", WebhookChannels.Message(markdown, charts: 2))).Status);
    }

    [Fact]
    public async Task Teams_fake_refuses_28_KB_on_workflows_and_reports_it_in_a_200_on_legacy_connectors()
    {
        var card = TeamsWebhookSender.Payload(WebhookChannels.Message("x", charts: 0));
        card["attachments"]![0]!["content"]!["body"]!.AsArray().Add(new JsonObject { ["type"] = "TextBlock", ["text"] = new string('x', 28 * 1024) });
        using var http = new HttpClient();
        var workflows = await http.PostAsync(Fakes.TeamsWebhookUrl(), new StringContent(card.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(413, (int)workflows.StatusCode);
        var legacy = await http.PostAsync(Fakes.TeamsLegacyWebhookUrl(), new StringContent(card.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(200, (int)legacy.StatusCode);
        Assert.Contains("HTTP error 413", await legacy.Content.ReadAsStringAsync());
    }

    // ---- Google Chat: 4096 characters, 32,000 bytes

    [Fact]
    public async Task Google_chat_text_is_cut_to_4096_and_the_fake_refuses_4097()
    {
        var text = GoogleChatWebhookSender.Payload(WebhookChannels.Message(Words(10_000), charts: 2))["text"]!.GetValue<string>();
        Assert.InRange(text.Length, 3900, 4096);
        Assert.Contains(Marker, text);
        Assert.EndsWith("chart-2.png|Chart 2: monthly revenue by region>", text);
        Assert.Equal(SendStatus.Sent, (await SendAsync("googlechat", WebhookChannels.Message(Words(10_000), charts: 2))).Status);

        using var http = new HttpClient();
        async Task<int> Post(string t) => (int)(await http.PostAsync(Fakes.GoogleChatWebhookUrl(),
            new StringContent(new JsonObject { ["text"] = t }.ToJsonString(), Encoding.UTF8, "application/json"))).StatusCode;
        Assert.Equal(200, await Post(new string('g', 4096)));
        Assert.Equal(400, await Post(new string('g', 4097)));
        var tooManyBytes = new JsonObject { ["text"] = "x", ["padding"] = new string('p', 32_001) }.ToJsonString();
        Assert.Equal(400, (int)(await http.PostAsync(Fakes.GoogleChatWebhookUrl(), new StringContent(tooManyBytes, Encoding.UTF8, "application/json"))).StatusCode);
    }

    /// <summary>Exactly <paramref name="length"/> chars of words separated by single spaces.</summary>
    private static string Words(int length)
    {
        var text = new StringBuilder();
        var i = 0;
        while (text.Length < length) text.Append(i++ % 7 == 6 ? ' ' : (char)('a' + i % 26));
        var s = text.ToString(0, length);
        return s.EndsWith(' ') ? s[..^1] + "z" : s;
    }
}
