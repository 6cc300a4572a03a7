using Microsoft.Extensions.Logging;
using Notifications.Storage;

namespace Notifications.Schedules;

/// <summary>
/// Claims due schedules and enqueues one run request per occurrence. Runs every minute (timer function or local ticker).
/// </summary>
public sealed class ScheduleTicker(
    NotificationStorage storage,
    ScheduleRepository schedules,
    DueScheduleIndex dueIndex,
    TimeProvider time,
    ILogger<ScheduleTicker> logger)
{
    /// <summary>Returns how many occurrences this call claimed.</summary>
    public async Task<int> TickAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var claimed = 0;
        await foreach (var entry in dueIndex.DueAsync(now, ct))
        {
            if (await TryClaimAsync(entry, now, ct)) claimed++;
        }
        return claimed;
    }

    private async Task<bool> TryClaimAsync(DueScheduleIndex.Entry entry, DateTimeOffset now, CancellationToken ct)
    {
        var schedule = await schedules.FindAsync(entry.ScheduleId, ct);
        if (schedule is null || !schedule.Enabled || schedule.NextRunUtc is not { } due || DueScheduleIndex.DueKey(due) != entry.DueKey)
        {
            // The schedule was deleted, disabled, rescheduled or already claimed: the entry is stale.
            await dueIndex.RemoveAsync(entry, ct);
            return false;
        }

        // Next occurrence after *now*, not after the missed one: hours of missed occurrences run once.
        var next = CronSchedule.Parse(schedule.Cron, schedule.TimeZone).NextAfter(now);
        if (next is { } n) await dueIndex.AddAsync(schedule.Id, n, ct); // before the claim, so a crash never orphans the schedule

        var claim = schedule with { NextRunUtc = next, LastOccurrenceUtc = due };
        if (!await schedules.TryReplaceAsync(claim, schedule.ETag, ct))
        {
            logger.LogDebug("Schedule {ScheduleId} occurrence {DueUtc} was claimed by another ticker", schedule.Id, due);
            return false;
        }

        var runId = RunIds.ForOccurrence(schedule.Id, due);
        using (logger.BeginScope(new Dictionary<string, object> { ["scheduleId"] = schedule.Id, ["runId"] = runId }))
        {
            await storage.RunQueue.SendJsonAsync(new RunRequest(runId, schedule.Id, due, "timer"), ct: ct);
            await dueIndex.RemoveAsync(entry, ct);
            logger.LogInformation("Claimed schedule {ScheduleId} occurrence {DueUtc} as run {RunId}; next run {NextRunUtc}",
                schedule.Id, due, runId, next);
        }
        return true;
    }
}
