namespace Notifications.Schedules;

/// <summary>Run ids are table keys, so they use only letters, digits and '-'.</summary>
public static class RunIds
{
    /// <summary>Deterministic: the same occurrence always gets the same id, which makes a duplicate run request harmless.</summary>
    public static string ForOccurrence(string scheduleId, DateTimeOffset dueUtc) =>
        $"{scheduleId}-{DueScheduleIndex.DueKey(dueUtc)}";

    public static string ForManualRun(string scheduleId) => $"{scheduleId}-manual-{Guid.NewGuid():N}";

    public static string NewId() => Guid.NewGuid().ToString("N");
}
