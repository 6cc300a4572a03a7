namespace Notifications.Storage;

/// <summary>Every table, queue and container the app uses. infra/ creates the same names.</summary>
public static class StorageNames
{
    public const string ChannelsTable = "Channels";
    public const string SchedulesTable = "Schedules";
    public const string DueIndexTable = "ScheduleDue";
    public const string RunsTable = "Runs";

    public const string RunQueue = "schedule-runs";
    public const string DeliveryQueue = "deliveries";
    public const string PoisonSuffix = "-poison";

    public const string ResultsContainer = "results";
    public const string ChartsContainer = "charts";

    /// <summary>The configuration name of the storage connection (a connection string, or a section of service URIs).</summary>
    public const string ConnectionName = "NotificationStorage";
}
