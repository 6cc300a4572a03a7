using Microsoft.Azure.Functions.Worker;
using Notifications.Schedules;

namespace Notifications.Functions;

/// <summary>Every minute (TIMER_SCHEDULE): claim due schedules and enqueue their runs.</summary>
public sealed class ScheduleTickerFunction(ScheduleTicker ticker)
{
    [Function("ScheduleTicker")]
    public Task Run([TimerTrigger("%TIMER_SCHEDULE%")] TimerInfo timer, CancellationToken ct) => ticker.TickAsync(ct);
}
