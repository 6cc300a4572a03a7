namespace Notifications.LocalHost;

/// <summary>Configuration section "LocalHost".</summary>
public sealed class LocalHostOptions
{
    public const string Section = "LocalHost";

    /// <summary>How often the ticker looks for due schedules. The Functions timer runs every minute; default 60 s.</summary>
    public double TickerIntervalSeconds { get; set; } = 60;

    /// <summary>How long a listener waits before polling an empty queue again. Default 1 s.</summary>
    public double QueuePollSeconds { get; set; } = 1;
}
