using System.Text.RegularExpressions;
using Notifications.Messages;

namespace Notifications.Channels.Webhooks;

/// <summary>
/// The text syntax Slack (mrkdwn) and Google Chat share: <c>*bold*</c>, <c>_italic_</c>, <c>~strike~</c>,
/// <c>&lt;url|text&gt;</c> links, ``` code blocks. Only &amp; &lt; &gt; are escaped, which also neutralises
/// <c>&lt;!channel&gt;</c> style mentions coming from the agent; <c>@here</c>-style words get a word joiner.
/// </summary>
public class AngleLinkText : MarkdownTextRenderer
{
    /// <summary>Where a split may not fall: inside a link or an entity.</summary>
    public static readonly Regex Atoms = new(@"<[^<>\n]*>|&(?:amp|lt|gt);", RegexOptions.CultureInvariant);

    public const string Fence = "```";

    public override string Escape(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    protected override string Literal(string text) => BreakMassMentions(Escape(text));
    protected override string Bold(string inner) => $"*{inner}*";
    protected override string Italic(string inner) => $"_{inner}_";
    protected override string Strike(string inner) => $"~{inner}~";
    protected override string InlineCode(string code) => $"`{Escape(code)}`";
    protected override string CodeBlock(string code, string? language) => $"```\n{Escape(code)}\n```";
    // '|' separates URL and label: percent-encoded in the URL, replaced in the label.
    protected override string Link(string url, string label) => $"<{Escape(url.Replace("|", "%7C"))}|{label.Replace('|', '¦')}>";

    /// <summary>Splits at safe points: never inside a link, an entity or a code fence.</summary>
    public static List<string> Split(string text, int max) => TextLimits.Split(text, max, Atoms, Fence);

    public static string Truncate(string text, int max) => TextLimits.Truncate(text, max, Atoms, Fence);
}
