using System.Text;
using System.Text.RegularExpressions;
using Notifications.Messages;

namespace Notifications.Channels.Webhooks.Discord;

/// <summary>
/// Markdown to Discord's Markdown: literal text has Discord's markup characters backslash-escaped (so the agent's
/// <c>&lt;@123&gt;</c> or <c>@everyone</c> never pings), masked links <c>[text](url)</c>, headings as bold lines,
/// tables as code blocks.
/// </summary>
public sealed class DiscordMarkdown : MarkdownTextRenderer
{
    public static readonly DiscordMarkdown Instance = new();

    /// <summary>Where a split may not fall: inside a masked link or a backslash escape.</summary>
    public static readonly Regex Atoms = new(@"\[(?:\\.|[^\]\\\n])*\]\([^)\s]*\)|\\.", RegexOptions.CultureInvariant);

    public override string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c is '\\' or '*' or '_' or '~' or '`' or '|' or '[' or ']' or '<' or '>' or '#') escaped.Append('\\');
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    protected override string Literal(string text) => BreakMassMentions(Escape(text));
    protected override string Bold(string inner) => $"**{inner}**";
    protected override string Italic(string inner) => $"*{inner}*";
    protected override string Strike(string inner) => $"~~{inner}~~";
    protected override string InlineCode(string code) => code.Contains('`') ? $"`` {code} ``" : $"`{code}`";
    protected override string CodeBlock(string code, string? language) =>
        $"```{Language(language)}\n{code.Replace("```", "`\u200b``")}\n```";
    protected override string Link(string url, string label) => $"[{label}]({url.Replace("(", "%28").Replace(")", "%29")})";

    internal static string Language(string? info) => Regex.Replace(info ?? "", "[^A-Za-z0-9_+-]", "");

    public static string Truncate(string text, int max) => TextLimits.Truncate(text, max, Atoms, "```");
}
