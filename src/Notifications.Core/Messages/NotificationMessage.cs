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

    public string CompletedText => CompletedUtc.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

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
