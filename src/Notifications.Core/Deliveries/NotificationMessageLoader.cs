using Notifications.Messages;
using Notifications.Runs;

namespace Notifications.Deliveries;

/// <summary>Builds the message every provider formats from a run's stored result and charts.</summary>
public sealed class NotificationMessageLoader(ResultStore results)
{
    public async Task<NotificationMessage> LoadAsync(Run run, CancellationToken ct)
    {
        var succeeded = run.Status == RunStatus.Succeeded;
        var markdown = succeeded && run.ResultBlob is not null
            ? await results.LoadResultAsync(run.ResultBlob, ct)
            : NotificationMessage.FailureMarkdown(run.Error);
        var charts = new List<ChartAttachment>(run.Charts.Count);
        foreach (var c in run.Charts)
        {
            var png = await results.LoadChartAsync(c.BlobName, ct);
            charts.Add(new ChartAttachment(c.Index, c.ContentId, $"chart-{c.Index}.png", c.AltText, png, c.Url, c.Width, c.Height));
        }
        return new NotificationMessage(run.Id, run.ScheduleName, run.Prompt, succeeded, run.CompletedUtc ?? run.StartedUtc,
            markdown, run.Error, charts, run.OmittedCharts) { TimeZone = run.TimeZone };
    }
}
