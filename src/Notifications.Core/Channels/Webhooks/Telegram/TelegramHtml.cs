using System.Net;
using System.Text.RegularExpressions;
using Notifications.Messages;

namespace Notifications.Channels.Webhooks.Telegram;

/// <summary>
/// Markdown to Telegram's HTML parse mode, with only the tags Telegram accepts (b, i, s, code, pre, a, blockquote).
/// Lists become bullet lines, headings bold lines, tables a &lt;pre&gt; block; nothing raw gets through.
/// </summary>
public sealed class TelegramHtml : MarkdownTextRenderer
{
    public static readonly TelegramHtml Instance = new();

    /// <summary>Telegram needs only &amp; &lt; &gt; escaped in text (and &quot; inside attributes).</summary>
    public override string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    protected override string Bold(string inner) => $"<b>{inner}</b>";
    protected override string Italic(string inner) => $"<i>{inner}</i>";
    protected override string Strike(string inner) => $"<s>{inner}</s>";
    protected override string InlineCode(string code) => $"<code>{Escape(code)}</code>";

    protected override string CodeBlock(string code, string? language)
    {
        var lang = Regex.Replace(language ?? "", "[^A-Za-z0-9_+-]", "");
        return lang.Length > 0
            ? $"<pre><code class=\"language-{lang}\">{Escape(code)}</code></pre>"
            : $"<pre>{Escape(code)}</pre>";
    }

    protected override string Link(string url, string label) => $"<a href=\"{WebUtility.HtmlEncode(url)}\">{label}</a>";
    protected override string Quote(string inner) => $"<blockquote>{inner}</blockquote>";
}
