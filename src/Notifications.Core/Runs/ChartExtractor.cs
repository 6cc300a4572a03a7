using System.Text;
using Markdig;
using Markdig.Syntax;

namespace Notifications.Runs;

/// <summary>A ```plotly block found in an answer: its figure JSON and where it sat.</summary>
public sealed record ChartBlock(int Index, string FigureJson, int Start, int Length);

/// <summary>Finds ```plotly fenced blocks with Markdig (so blocks inside other code are left alone).</summary>
public static class ChartExtractor
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePreciseSourceLocation().Build();

    public static IReadOnlyList<ChartBlock> Find(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var blocks = new List<ChartBlock>();
        foreach (var fenced in document.Descendants<FencedCodeBlock>())
        {
            if (!string.Equals(fenced.Info?.Trim(), "plotly", StringComparison.OrdinalIgnoreCase)) continue;
            var json = fenced.Lines.ToString();
            // An unclosed fence runs to the end of the document, but Markdig's span then stops at the opening line.
            var end = fenced.Span.End;
            if (fenced.Lines.Count > 0) end = Math.Max(end, fenced.Lines.Lines[fenced.Lines.Count - 1].Slice.End);
            blocks.Add(new ChartBlock(blocks.Count + 1, json, fenced.Span.Start, end - fenced.Span.Start + 1));
        }
        return blocks;
    }

    /// <summary>Replaces each block with what <paramref name="replacement"/> returns (empty string removes it).</summary>
    public static string Replace(string markdown, IReadOnlyList<ChartBlock> blocks, Func<ChartBlock, string> replacement)
    {
        var text = new StringBuilder(markdown.Length);
        var position = 0;
        foreach (var block in blocks.OrderBy(b => b.Start))
        {
            text.Append(markdown, position, block.Start - position);
            text.Append(replacement(block));
            position = block.Start + block.Length;
        }
        text.Append(markdown, position, markdown.Length - position);
        // Removing a block leaves blank lines behind; collapse runs of three or more newlines.
        return System.Text.RegularExpressions.Regex.Replace(text.ToString(), @"\n{3,}", "\n\n").Trim();
    }
}
