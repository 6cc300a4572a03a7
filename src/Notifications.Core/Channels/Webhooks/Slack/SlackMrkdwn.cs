using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Notifications.Messages;

namespace Notifications.Channels.Webhooks.Slack;

/// <summary>
/// Markdown to Slack mrkdwn. Only &amp; &lt; &gt; are escaped, which also neutralises &lt;!channel&gt; style mentions
/// coming from the agent; headings become bold lines, tables become code blocks.
/// </summary>
public static class SlackMrkdwn
{
    public static string Render(string markdown)
    {
        var text = new StringBuilder();
        foreach (var block in ResultMarkdown.Parse(markdown))
        {
            if (text.Length > 0) text.Append("\n\n");
            Block(block, text, "");
        }
        return text.ToString();
    }

    public static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    private static void Block(Block block, StringBuilder text, string indent)
    {
        switch (block)
        {
            case HeadingBlock h:
                text.Append('*').Append(Inlines(h.Inline).Trim()).Append('*');
                break;
            case ParagraphBlock p:
                text.Append(Inlines(p.Inline));
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                var first = true;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    if (!first) text.Append('\n');
                    first = false;
                    text.Append(indent).Append(list.IsOrdered ? $"{number++}. " : "• ");
                    var firstChild = true;
                    foreach (var child in item)
                    {
                        if (!firstChild) text.Append('\n');
                        if (child is ListBlock) Block(child, text, indent + "    ");
                        else
                        {
                            if (!firstChild) text.Append(indent).Append("    ");
                            Block(child, text, indent);
                        }
                        firstChild = false;
                    }
                }
                break;
            case QuoteBlock quote:
                var inner = new StringBuilder();
                foreach (var child in quote) { if (inner.Length > 0) inner.Append("\n\n"); Block(child, inner, ""); }
                text.Append(string.Join("\n", inner.ToString().Split('\n').Select(l => "> " + l)));
                break;
            case Table table:
                text.Append("```\n").Append(Escape(PlainTable.Render(table))).Append("\n```");
                break;
            case CodeBlock code:
                text.Append("```\n").Append(Escape(code.Lines.ToString())).Append("\n```");
                break;
            case ThematicBreakBlock:
                text.Append("──────────");
                break;
            case ContainerBlock container:
                foreach (var child in container) { Block(child, text, indent); text.Append('\n'); }
                break;
        }
    }

    private static string Inlines(ContainerInline? container)
    {
        var text = new StringBuilder();
        if (container is null) return "";
        foreach (var inline in container) Inline(inline, text);
        return text.ToString();
    }

    private static void Inline(Markdig.Syntax.Inlines.Inline inline, StringBuilder text)
    {
        switch (inline)
        {
            case LiteralInline literal:
                text.Append(Escape(literal.Content.ToString()));
                break;
            case CodeInline code:
                text.Append('`').Append(Escape(code.Content)).Append('`');
                break;
            case EmphasisInline emphasis:
                var mark = emphasis.DelimiterChar == '~' ? "~" : emphasis.DelimiterCount >= 2 ? "*" : "_";
                text.Append(mark).Append(Inlines(emphasis)).Append(mark);
                break;
            case LinkInline { IsImage: false } link:
                var label = Inlines(link).Replace("|", "¦");
                text.Append('<').Append(Escape(link.Url ?? "")).Append('|').Append(label.Length > 0 ? label : Escape(link.Url ?? "")).Append('>');
                break;
            case LinkInline image:
                text.Append('<').Append(Escape(image.Url ?? "")).Append('|').Append(Inlines(image)).Append('>');
                break;
            case AutolinkInline auto:
                text.Append('<').Append(Escape(auto.Url)).Append('>');
                break;
            case LineBreakInline:
                text.Append('\n');
                break;
            case HtmlInline html:
                text.Append(Escape(html.Tag));
                break;
            case HtmlEntityInline entity:
                text.Append(Escape(entity.Transcoded.ToString()));
                break;
            case ContainerInline container:
                text.Append(Inlines(container));
                break;
        }
    }
}
