namespace Notifications.Runs;

public enum RunStatus
{
    Running,
    Succeeded,
    Failed,
}

/// <summary>A rendered chart stored in Blob Storage.</summary>
public sealed record ChartRef(int Index, string BlobName, string ContentId, string AltText, Uri? Url, int Width, int Height);

/// <summary>One execution of a schedule. Its full result lives in Blob Storage (<see cref="ResultBlob"/>).</summary>
public sealed record Run(
    string Id,
    string ScheduleId,
    string ScheduleName,
    string Prompt,
    string Trigger,
    RunStatus Status,
    string? Error,
    string? ResultBlob,
    IReadOnlyList<ChartRef> Charts,
    int OmittedCharts,
    DateTimeOffset StartedUtc,
    DateTimeOffset? CompletedUtc)
{
    /// <summary>The schedule's time zone when the run started, for showing times the way the schedule reads.</summary>
    public string? TimeZone { get; init; }
}
