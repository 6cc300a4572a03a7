using System.Text.RegularExpressions;
using Notifications.Messages;

namespace Notifications.Channels.Webhooks.Teams;

/// <summary>
/// Markdown to the subset an Adaptive Card TextBlock renders in Teams: <c>**bold**</c>, <c>_italic_</c>, lists and
/// <c>[text](url)</c> links. Headings become bold lines; code and tables come out as preformatted blocks, which the
/// card shows in a monospace TextBlock.
/// </summary>
public sealed class TeamsMarkdown : MarkdownTextRenderer
{
    public static readonly TeamsMarkdown Instance = new();

    public static readonly Regex Atoms = new(@"\[(?:\\.|[^\]\\\n])*\]\([^)\s]*\)", RegexOptions.CultureInvariant);

    // TextBlock markdown has no escape syntax, and raw HTML is not rendered, so literal text goes as it is.
    public override string Escape(string text) => text;

    protected override string Bold(string inner) => $"**{inner}**";
    protected override string Italic(string inner) => $"_{inner}_";
    protected override string Strike(string inner) => inner;
    protected override string InlineCode(string code) => $"`{code}`";
    protected override string CodeBlock(string code, string? language) => code;
    protected override string Link(string url, string label) => $"[{label}]({url.Replace("(", "%28").Replace(")", "%29")})";
    protected override string Bullet(bool ordered, int number) => ordered ? $"{number}. " : "- ";
}
