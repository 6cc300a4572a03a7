namespace Notifications.Messages;

/// <summary>A chart ready to deliver: PNG bytes for inline email parts, a URL for webhooks that embed by link.</summary>
public sealed record ChartAttachment(int Index, string ContentId, string FileName, string AltText, byte[] Png, Uri? Url, int Width, int Height);

/// <summary>
/// What every provider formats: the run's outcome, its fields and its result. <see cref="Markdown"/> has the chart
/// markers removed already; for a failed run it holds the error.
/// </summary>
public sealed record NotificationMessage(
    string RunId,
    string ScheduleName,
    string Prompt,
    bool Succeeded,
    DateTimeOffset CompletedUtc,
    string Markdown,
    string? Error,
    IReadOnlyList<ChartAttachment> Charts,
    int OmittedCharts)
{
    public string OutcomeText => Succeeded ? "succeeded" : "failed";

    /// <summary>The one-line title every provider uses (subject, header, embed title). CR/LF become spaces.</summary>
    public string Title => SingleLine($"{ScheduleName}: {OutcomeText}");

    /// <summary>The schedule's IANA time zone: readers see the completion time as the schedule was written. Null means UTC.</summary>
    public string? TimeZone { get; init; }

    public string CompletedText
    {
        get
        {
            var culture = System.Globalization.CultureInfo.InvariantCulture;
            if (TimeZone is null or "UTC" or "Etc/UTC" || !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out var zone))
                return CompletedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", culture);
            return $"{TimeZoneInfo.ConvertTime(CompletedUtc, zone).ToString("yyyy-MM-dd HH:mm", culture)} ({TimeZone})";
        }
    }

    /// <summary>What a failed run delivers as its text.</summary>
    public static string FailureMarkdown(string? error) => $"The scheduled task failed: {error}";

    public static string SingleLine(string s) =>
        System.Text.RegularExpressions.Regex.Replace(s, @"[\r\n\t]+", " ").Trim();

    /// <summary>A sample used by Test Webhook and Send Test Email.</summary>
    public static NotificationMessage Sample(DateTimeOffset now) => new(
        "test",
        "Test notification",
        "This is a test message from the notification settings.",
        true,
        now,
        "If you can read this, the channel is configured correctly.",
        null,
        [],
        0);
}
