using System.Text;
using Markdig.Extensions.Tables;
using Markdig.Syntax;

namespace Notifications.Messages;

/// <summary>A Markdown table as aligned monospace text, for providers that cannot show tables.</summary>
public static class PlainTable
{
    public static string Render(Table table)
    {
        var rows = table.OfType<TableRow>()
            .Select(r => r.OfType<TableCell>().Select(CellText).ToList())
            .ToList();
        var columns = rows.Count == 0 ? 0 : rows.Max(r => r.Count);
        var widths = Enumerable.Range(0, columns)
            .Select(c => rows.Max(r => c < r.Count ? r[c].Length : 0))
            .ToArray();
        var text = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0) text.Append('\n');
            text.Append(string.Join(" | ", Enumerable.Range(0, columns).Select(c => (c < rows[i].Count ? rows[i][c] : "").PadRight(widths[c]))).TrimEnd());
            if (i == 0 && table.OfType<TableRow>().First().IsHeader)
                text.Append('\n').Append(string.Join("-+-", widths.Select(w => new string('-', w))));
        }
        return text.ToString();
    }

    private static string CellText(TableCell cell)
    {
        var text = new StringBuilder();
        foreach (var block in cell.OfType<LeafBlock>())
            if (block.Inline is not null)
                foreach (var inline in block.Inline.Descendants<Markdig.Syntax.Inlines.LeafInline>())
                    text.Append(inline switch
                    {
                        Markdig.Syntax.Inlines.LiteralInline literal => literal.Content.ToString(),
                        Markdig.Syntax.Inlines.CodeInline code => code.Content,
                        Markdig.Syntax.Inlines.AutolinkInline link => link.Url,
                        Markdig.Syntax.Inlines.LineBreakInline => " ",
                        _ => "",
                    });
        return text.ToString().Trim();
    }
}
