using Markdig;
using Markdig.Syntax;

namespace Notifications.Messages;

/// <summary>The agent's Markdown, parsed once with one pipeline shared by every renderer.</summary>
public static class ResultMarkdown
{
    /// <summary>CommonMark plus tables, with raw HTML disabled: the agent's HTML is shown as text, never passed through.</summary>
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .DisableHtml()
        .Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);

    /// <summary>The text without markup; input Markdig refuses (nested beyond its depth limit) comes back as it was.</summary>
    public static string ToPlainText(string markdown)
    {
        try
        {
            return Markdown.ToPlainText(markdown, Pipeline).Trim();
        }
        catch (ArgumentException)
        {
            return markdown.Trim();
        }
    }
}
