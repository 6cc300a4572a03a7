using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Notifications.Messages;

namespace Notifications.Channels.Email;

/// <summary>
/// The HTML and plain-text bodies shared by every email provider. Styles are inline (Gmail and Outlook drop
/// &lt;style&gt; blocks in many cases), charts are referenced by Content-ID, and the agent's raw HTML is escaped.
/// </summary>
public static partial class EmailBody
{
    private static readonly (string Tag, string Style)[] InlineStyles =
    [
        ("table", "border-collapse:collapse;margin:8px 0;font-size:14px"),
        ("th", "border:1px solid #d0d7de;padding:6px 10px;background:#f6f8fa;text-align:left"),
        ("td", "border:1px solid #d0d7de;padding:6px 10px"),
        ("pre", "background:#f6f8fa;padding:10px;border-radius:4px;overflow:auto;font-size:13px"),
        ("code", "font-family:Consolas,Menlo,monospace;font-size:13px"),
        ("blockquote", "border-left:4px solid #d0d7de;margin:0;padding:0 12px;color:#57606a"),
        ("h1", "font-size:20px;margin:16px 0 8px"),
        ("h2", "font-size:18px;margin:16px 0 8px"),
        ("h3", "font-size:16px;margin:12px 0 6px"),
        ("p", "margin:8px 0"),
    ];

    /// <param name="charts">Charts to show, in order; they must be attached with the same Content-IDs.</param>
    /// <param name="droppedCharts">Charts left out to fit a size limit; the body says so.</param>
    public static string Html(NotificationMessage message, IReadOnlyList<ChartAttachment> charts, int droppedCharts = 0)
    {
        var colour = message.Succeeded ? "#1a7f37" : "#cf222e";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>")
            .Append("<body style=\"margin:0;padding:16px;font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:14px;color:#1f2328\">")
            .Append("<table role=\"presentation\" width=\"100%\" style=\"max-width:760px;border-collapse:collapse\"><tr><td>")
            .Append($"<h2 style=\"font-size:20px;margin:0 0 12px;color:{colour}\">{Encode(message.Title)}</h2>")
            .Append("<table role=\"presentation\" style=\"border-collapse:collapse;margin:0 0 12px;font-size:14px\">")
            .Append(Field("Prompt", message.Prompt))
            .Append(Field("Completed", message.CompletedText))
            .Append("</table>")
            .Append(StyleTags(ResultMarkdown.ToHtml(message.Markdown)));
        foreach (var chart in charts)
            html.Append("<p style=\"margin:12px 0\"><img src=\"cid:").Append(Encode(chart.ContentId))
                .Append("\" alt=\"").Append(Encode(chart.AltText))
                .Append($"\" width=\"{Math.Min(chart.Width, 700)}\" style=\"max-width:100%;height:auto;border:0\"></p>");
        var note = DroppedNote(droppedCharts);
        if (note is not null) html.Append($"<p style=\"color:#57606a;font-style:italic\">{Encode(note)}</p>");
        html.Append("</td></tr></table></body></html>");
        return html.ToString();
    }

    public static string PlainText(NotificationMessage message, int chartCount, int droppedCharts = 0)
    {
        var text = new StringBuilder()
            .AppendLine(message.Title)
            .AppendLine()
            .AppendLine($"Prompt: {message.Prompt}")
            .AppendLine($"Completed: {message.CompletedText}")
            .AppendLine()
            .AppendLine(ResultMarkdown.ToPlainText(message.Markdown));
        if (chartCount > 0) text.AppendLine().AppendLine($"{chartCount} chart(s) are shown in the HTML version of this email.");
        var note = DroppedNote(droppedCharts);
        if (note is not null) text.AppendLine(note);
        return text.ToString();
    }

    /// <summary>Charts that could not be rendered are noted in the text already; this notes the ones dropped for size.</summary>
    public static string? DroppedNote(int dropped) =>
        dropped > 0 ? $"{dropped} chart(s) were left out to keep this email within the provider's size limit." : null;

    private static string Field(string name, string value) =>
        $"<tr><td style=\"padding:2px 12px 2px 0;color:#57606a;vertical-align:top\"><b>{name}</b></td><td style=\"padding:2px 0\">{Encode(value)}</td></tr>";

    private static string Encode(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Markdig emits bare tags; give each an inline style.</summary>
    private static string StyleTags(string html)
    {
        foreach (var (tag, style) in InlineStyles)
            html = Regex.Replace(html, $"<{tag}(?=[ >])", $"<{tag} style=\"{style}\"");
        return html;
    }
}
