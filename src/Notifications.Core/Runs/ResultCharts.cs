using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Notifications.Charts;
using Notifications.Telemetry;

namespace Notifications.Runs;

/// <summary>A chart rendered from an answer, numbered in the order it appears.</summary>
public sealed record RenderedChart(int Index, ChartImage Image, string AltText);

/// <summary>The answer with its chart markers removed, and the charts rendered from them.</summary>
public sealed record ProcessedAnswer(string Text, IReadOnlyList<RenderedChart> Charts, int Omitted);

/// <summary>
/// Pulls the ```plotly blocks out of an answer and renders each. A figure that fails never fails the run: it is logged
/// with the reason, left out, and the text says so where the chart stood.
/// </summary>
public sealed class ResultCharts(PlotlyChartRenderer renderer, NotificationMetrics metrics, ILogger<ResultCharts> logger)
{
    public const string OmittedChartNote = "*(One chart could not be rendered and was left out.)*";

    public const string PlainTextNote = "*(The answer could not be read as Markdown and is shown as it came.)*";

    public ProcessedAnswer Process(string answer, string runId)
    {
        IReadOnlyList<ChartBlock> blocks;
        try
        {
            blocks = ChartExtractor.Find(answer);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Markdig refuses some inputs (nesting beyond its depth limit). Thrown here it would fail the run on every
            // retry and leave it Running; as a code block the text is still delivered, and every provider can parse it.
            logger.LogWarning("The answer of run {RunId} is delivered as plain text: {Reason}", runId, e.Message);
            return new ProcessedAnswer(PlainTextNote + "\n\n" + AsCodeBlock(answer), [], 0);
        }
        var charts = new List<RenderedChart>();
        var failed = new HashSet<int>();
        foreach (var block in blocks)
        {
            var stopwatch = Stopwatch.StartNew();
            try
            {
                var image = renderer.Render(block.FigureJson);
                metrics.ChartRendered(stopwatch.Elapsed);
                var index = charts.Count + 1;
                charts.Add(new RenderedChart(index, image, string.IsNullOrWhiteSpace(image.Title) ? $"Chart {index}" : image.Title!));
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failed.Add(block.Index);
                logger.LogWarning("Chart {ChartIndex} of run {RunId} was left out: {Reason}", block.Index, runId, e.Message);
            }
        }
        var text = ChartExtractor.Replace(answer, blocks, b => failed.Contains(b.Index) ? OmittedChartNote : "");
        return new ProcessedAnswer(text, charts, failed.Count);
    }

    /// <summary>A fence longer than any backtick run in the text, so nothing inside can close it.</summary>
    private static string AsCodeBlock(string text)
    {
        int longest = 0, run = 0;
        foreach (var c in text)
        {
            run = c == '`' ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        var fence = new string('`', Math.Max(3, longest + 1));
        return $"{fence}\n{text}\n{fence}";
    }
}
