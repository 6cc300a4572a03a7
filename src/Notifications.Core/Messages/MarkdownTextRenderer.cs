using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Notifications.Messages;

/// <summary>One top-level piece of rendered text. Preformatted pieces (code, tables) are shown in a monospace font.</summary>
public sealed record RenderedBlock(string Text, bool Preformatted);

/// <summary>
/// The one walk over the agent's Markdown AST that every text dialect shares (Slack mrkdwn, Google Chat, Discord
/// Markdown, the Teams Markdown subset, Telegram HTML). A dialect overrides only its escaping and its markup hooks.
/// Only http(s) and mailto links become links; anything else (javascript:, data:) is shown as plain text.
/// </summary>
public abstract class MarkdownTextRenderer
{
    /// <summary>Renders the whole result as one text, blocks separated by a blank line.</summary>
    public string Render(string markdown) => string.Join("\n\n", RenderBlocks(markdown).Select(b => b.Text));

    /// <summary>Renders each top-level block separately (Teams shows each in its own TextBlock).</summary>
    public IReadOnlyList<RenderedBlock> RenderBlocks(string markdown)
    {
        var blocks = new List<RenderedBlock>();
        MarkdownDocument document;
        try
        {
            document = ResultMarkdown.Parse(markdown);
        }
        catch (ArgumentException)
        {
            // Markdig refuses input nested beyond its depth limit: deliver the text as it came, preformatted.
            return [new RenderedBlock(CodeBlock(markdown.Trim(), null), true)];
        }
        foreach (var block in document)
        {
            var text = new StringBuilder();
            Block(block, text, "");
            if (text.Length > 0) blocks.Add(new RenderedBlock(text.ToString(), block is Markdig.Syntax.CodeBlock or Table));
        }
        return blocks;
    }

    /// <summary>Escapes literal text so the dialect shows it as written.</summary>
    public abstract string Escape(string text);

    protected virtual string Bold(string inner) => inner;
    protected virtual string Italic(string inner) => inner;
    protected virtual string Strike(string inner) => inner;
    protected virtual string InlineCode(string code) => Escape(code);
    protected virtual string CodeBlock(string code, string? language) => Escape(code);
    protected virtual string Link(string url, string label) => $"{label} ({Escape(url)})";
    protected virtual string Heading(string inner, int level) => Bold(inner);
    protected virtual string TableBlock(string plainTable) => CodeBlock(plainTable, null);
    protected virtual string Quote(string inner) => string.Join("\n", inner.Split('\n').Select(l => "> " + l));
    protected virtual string Bullet(bool ordered, int number) => ordered ? $"{number}. " : "• ";
    protected virtual string ThematicBreak => "──────────";

    /// <summary>Literal text after escaping; dialects hook here to neutralise mass mentions.</summary>
    protected virtual string Literal(string text) => Escape(text);

    public static bool IsSafeLinkUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";

    /// <summary>Breaks @everyone / @here / @channel with a word joiner so no provider treats them as mass mentions.</summary>
    public static string BreakMassMentions(string text) =>
        MassMention.Replace(text, m => "@\u2060" + m.Value[1..]);

    private static readonly System.Text.RegularExpressions.Regex MassMention =
        new(@"@(everyone|here|channel|all)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private void Block(Block block, StringBuilder text, string indent)
    {
        switch (block)
        {
            case HeadingBlock h:
                text.Append(Heading(Inlines(h.Inline).Trim(), h.Level));
                break;
            case ParagraphBlock p:
                text.Append(Inlines(p.Inline));
                break;
            case ListBlock list:
                List(list, text, indent);
                break;
            case QuoteBlock quote:
                var inner = new StringBuilder();
                foreach (var child in quote)
                {
                    if (inner.Length > 0) inner.Append("\n\n");
                    Block(child, inner, "");
                }
                text.Append(Quote(inner.ToString()));
                break;
            case Table table:
                text.Append(TableBlock(PlainTable.Render(table)));
                break;
            case Markdig.Syntax.CodeBlock code:
                text.Append(CodeBlock(code.Lines.ToString().TrimEnd('\n'), (code as FencedCodeBlock)?.Info));
                break;
            case ThematicBreakBlock:
                text.Append(ThematicBreak);
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    if (text.Length > 0) text.Append('\n');
                    Block(child, text, indent);
                }
                break;
        }
    }

    private void List(ListBlock list, StringBuilder text, string indent)
    {
        var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
        var first = true;
        foreach (var item in list.OfType<ListItemBlock>())
        {
            if (!first) text.Append('\n');
            first = false;
            text.Append(indent).Append(Bullet(list.IsOrdered, number++));
            var firstChild = true;
            foreach (var child in item)
            {
                if (!firstChild) text.Append('\n');
                if (child is ListBlock nested) List(nested, text, indent + "    ");
                else
                {
                    if (!firstChild) text.Append(indent).Append("    ");
                    Block(child, text, indent);
                }
                firstChild = false;
            }
        }
    }

    private string Inlines(ContainerInline? container)
    {
        if (container is null) return "";
        var text = new StringBuilder();
        foreach (var inline in container) Inline(inline, text);
        return text.ToString();
    }

    private void Inline(Inline inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(Literal(literal.Content.ToString()));
                break;
            case CodeInline code:
                text.Append(InlineCode(code.Content));
                break;
            case EmphasisInline emphasis:
                var inner = Inlines(emphasis);
                text.Append(emphasis.DelimiterChar == '~' ? Strike(inner) : emphasis.DelimiterCount >= 2 ? Bold(inner) : Italic(inner));
                break;
            case LinkInline link:
                var label = Inlines(link);
                if (!IsSafeLinkUrl(link.Url)) text.Append(label.Length > 0 ? label : Literal(link.Url ?? ""));
                else text.Append(Link(link.Url!, label.Length > 0 ? label : Escape(link.Url!)));
                break;
            case AutolinkInline auto:
                var url = auto.IsEmail && !auto.Url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? "mailto:" + auto.Url : auto.Url;
                text.Append(IsSafeLinkUrl(url) ? Link(url, Escape(auto.Url)) : Literal(auto.Url));
                break;
            case LineBreakInline:
                text.Append('\n');
                break;
            case HtmlInline html:
                text.Append(Literal(html.Tag));
                break;
            case HtmlEntityInline entity:
                text.Append(Literal(entity.Transcoded.ToString()));
                break;
            case ContainerInline container:
                text.Append(Inlines(container));
                break;
        }
    }
}
