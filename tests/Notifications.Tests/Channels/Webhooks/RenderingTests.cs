using Notifications.Channels.Webhooks.Discord;
using Notifications.Channels.Webhooks.GoogleChat;
using Notifications.Channels.Webhooks.Slack;
using Notifications.Channels.Webhooks.Teams;
using Notifications.Channels.Webhooks.Telegram;
using Notifications.Channels.Webhooks;
using Notifications.Fakes.Telegram;
using Notifications.Messages;

namespace Notifications.Tests.Channels.Webhooks;

/// <summary>The one Markdown walk rendered in each dialect: escaping, links, mentions, and safe cutting.</summary>
public sealed class RenderingTests
{
    [Fact]
    public void Slack_escapes_only_amp_lt_gt_and_neutralises_mentions()
    {
        var text = SlackMrkdwn.Instance.Render("Hi <!channel> & <@U123> @here, 5 > 3 *ok*");
        Assert.Equal("Hi &lt;!channel&gt; &amp; &lt;@U123&gt; @\u2060here, 5 &gt; 3 _ok_", text);
    }

    [Fact]
    public void Only_http_https_and_mailto_become_links()
    {
        const string md = "[click](javascript:alert(1)) and [site](https://example.com/a|b) and <mailto:x@example.com>";
        Assert.Equal("click and <https://example.com/a%7Cb|site> and <mailto:x@example.com|mailto:x@example.com>", SlackMrkdwn.Instance.Render(md));
        Assert.DoesNotContain("javascript", TelegramHtml.Instance.Render(md), StringComparison.Ordinal);
        Assert.DoesNotContain("javascript", DiscordMarkdown.Instance.Render(md), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_dialect_has_its_own_bold_and_link()
    {
        const string md = "**bold** [docs](https://example.com)";
        Assert.Equal("*bold* <https://example.com|docs>", SlackMrkdwn.Instance.Render(md));
        Assert.Equal("*bold* <https://example.com|docs>", GoogleChatText.Instance.Render(md));
        Assert.Equal("**bold** [docs](https://example.com)", DiscordMarkdown.Instance.Render(md));
        Assert.Equal("**bold** [docs](https://example.com)", TeamsMarkdown.Instance.Render(md));
        Assert.Equal("<b>bold</b> <a href=\"https://example.com\">docs</a>", TelegramHtml.Instance.Render(md));
    }

    [Fact]
    public void Telegram_html_converts_headings_lists_and_tables_and_passes_nothing_raw()
    {
        var html = TelegramHtml.Instance.Render("# Title\n\n- a <script>x</script>\n- b\n\n| h1 | h2 |\n|---|---|\n| 1 | 2 |\n\n<div>raw</div>");
        Assert.Null(FakeTelegram.ParseHtml(html).Problem);
        Assert.StartsWith("<b>Title</b>", html);
        Assert.Contains("• a &lt;script&gt;x&lt;/script&gt;", html);
        Assert.Contains("<pre>h1 | h2\n---+---\n1  | 2</pre>", html);
        Assert.Contains("&lt;div&gt;raw&lt;/div&gt;", html);
    }

    [Fact]
    public void Discord_escapes_its_markup_in_literal_text()
    {
        Assert.Equal("1\\*2\\*3 \\_x\\_ \\<@123\\> @\u2060everyone", DiscordMarkdown.Instance.Render("1\\*2\\*3 \\_x\\_ <@123> @everyone"));
    }

    [Fact]
    public void Splitting_never_cuts_a_link_an_entity_or_an_emoji_and_always_progresses()
    {
        var text = string.Concat(Enumerable.Repeat("<https://example.com/a-long-path|label text> &amp; ", 50));
        foreach (var chunk in AngleLinkText.Split(text, 100))
        {
            Assert.True(chunk.Length <= 100);
            Assert.Equal(chunk.Count(c => c == '<'), chunk.Count(c => c == '>'));
            Assert.False(chunk.EndsWith('&'));
        }
        var emoji = TextLimits.Split("👩🏽‍💻👩🏽‍💻👩🏽‍💻", 1, null);
        Assert.Equal(3, emoji.Count); // an element wider than the limit goes whole instead of looping
        Assert.All(emoji, e => Assert.Equal("👩🏽‍💻", e));
    }

    [Fact]
    public void A_code_block_cut_in_two_is_closed_and_reopened()
    {
        var chunks = AngleLinkText.Split("```\n" + string.Join("\n", Enumerable.Range(0, 100).Select(i => $"line {i}")) + "\n```", 300);
        Assert.True(chunks.Count > 1);
        Assert.All(chunks, c => Assert.Equal(0, (c.Length - c.Replace("```", "").Length) / 3 % 2));
    }

    [Fact]
    public void Markdown_nested_beyond_markdigs_limit_is_rendered_as_it_came()
    {
        var deep = string.Concat(Enumerable.Repeat("> ", 200)) + "deep <end>";
        Assert.EndsWith("&gt; deep &lt;end&gt;\n```", SlackMrkdwn.Instance.Render(deep));
        var html = TelegramHtml.Instance.Render(deep);
        Assert.StartsWith("<pre>", html);
        Assert.Null(FakeTelegram.ParseHtml(html).Problem);
        var slack = SlackWebhookSender.Payload(new NotificationMessage("r", "S", "p", true, DateTimeOffset.UnixEpoch, deep, null, [], 0));
        Assert.StartsWith("S: succeeded: &gt; &gt; &gt;", slack["text"]!.GetValue<string>());
    }
}
