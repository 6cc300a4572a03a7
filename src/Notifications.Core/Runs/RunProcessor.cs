using Microsoft.Extensions.Logging;
using Notifications.Agent;
using Notifications.Channels;
using Notifications.Deliveries;
using Notifications.Schedules;
using Notifications.Storage;
using Notifications.Telemetry;

namespace Notifications.Runs;

/// <summary>
/// Runs one occurrence: asks the agent, stores the result and its charts, then records and enqueues one delivery per
/// notification whose condition matches (and records the others as Skipped).
/// </summary>
public sealed class RunProcessor(
    NotificationStorage storage,
    ScheduleRepository schedules,
    ChannelRepository channels,
    RunRepository runs,
    ResultStore results,
    AgentClient agent,
    ResultCharts charts,
    NotificationMetrics metrics,
    TimeProvider time,
    ILogger<RunProcessor> logger)
{
    /// <param name="lastAttempt">True when the queue will not deliver this message again (its dequeue count reached the limit).</param>
    public async Task ProcessAsync(RunRequest request, bool lastAttempt = false, CancellationToken ct = default)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["scheduleId"] = request.ScheduleId, ["runId"] = request.RunId });
        var schedule = await schedules.FindAsync(request.ScheduleId, ct);
        var started = new Run(request.RunId, request.ScheduleId, schedule?.Name ?? "(deleted schedule)", schedule?.Prompt ?? "",
            request.Trigger, RunStatus.Running, null, null, [], 0, time.GetUtcNow(), null) { TimeZone = schedule?.TimeZone };
        var (created, existing) = await runs.TryStartAsync(started, ct);
        if (!created && existing.Status != RunStatus.Running)
        {
            // Completed before, perhaps without getting to every delivery: recording them again is idempotent.
            logger.LogInformation("Run {RunId} already completed; making sure its deliveries are recorded", request.RunId);
            if (schedule is not null) await EnqueueDeliveriesAsync(existing, schedule, ct);
            return;
        }
        if (schedule is null)
        {
            await runs.SaveAsync(existing with { Status = RunStatus.Failed, Error = "The schedule was deleted.", CompletedUtc = time.GetUtcNow() }, ct);
            return;
        }

        Run run;
        try
        {
            run = await ExecuteAsync(existing, schedule.Prompt, ct);
            await CompleteAsync(run, schedule, ct);
        }
        catch (Exception e) when (lastAttempt && !ct.IsCancellationRequested)
        {
            // The message is about to go to the poison queue: end the run as failed, so it does not stay Running
            // and FailureOnly notifications still fire, then let the message go.
            logger.LogError("Run {RunId} failed on its last attempt: {ExceptionType}", request.RunId, e.GetType().Name);
            run = existing with { Status = RunStatus.Failed, Error = $"The run could not be completed ({e.GetType().Name}).", CompletedUtc = time.GetUtcNow() };
            await CompleteAsync(run, schedule, ct);
            throw;
        }
        logger.LogInformation("Run {RunId} of schedule {ScheduleId} {Status} with {ChartCount} charts ({OmittedCharts} omitted)",
            run.Id, run.ScheduleId, run.Status, run.Charts.Count, run.OmittedCharts);
    }

    /// <summary>
    /// Saves the finished run before any delivery is enqueued: a dispatcher that picks a delivery up at once must
    /// find the run's outcome, result and charts, not a run that is still Running.
    /// </summary>
    private async Task CompleteAsync(Run run, Schedule schedule, CancellationToken ct)
    {
        await runs.SaveAsync(run, ct);
        metrics.RunCompleted(run.Status);
        await EnqueueDeliveriesAsync(run, schedule, ct);
    }

    private async Task<Run> ExecuteAsync(Run run, string prompt, CancellationToken ct)
    {
        string answer;
        try
        {
            answer = await agent.AskAsync(prompt, ct);
        }
        catch (AgentException e)
        {
            logger.LogWarning("Run {RunId} failed: {Error}", run.Id, e.Message);
            return run with { Status = RunStatus.Failed, Error = e.Message, CompletedUtc = time.GetUtcNow() };
        }

        var processed = charts.Process(answer, run.Id);
        var stored = new List<ChartRef>(processed.Charts.Count);
        foreach (var chart in processed.Charts)
        {
            var blobName = ResultStore.ChartBlobName(run.Id, chart.Index);
            var url = await results.SaveChartAsync(blobName, chart.Image.Png, ct);
            stored.Add(new ChartRef(chart.Index, blobName, $"chart-{chart.Index}.{run.Id}@notifications", chart.AltText, url,
                chart.Image.Width, chart.Image.Height));
        }
        await results.SaveResultAsync(run.Id, processed.Text, ct);
        return run with
        {
            Status = RunStatus.Succeeded,
            ResultBlob = ResultStore.ResultBlobName(run.Id),
            Charts = stored,
            OmittedCharts = processed.Omitted,
            CompletedUtc = time.GetUtcNow(),
        };
    }

    private async Task EnqueueDeliveriesAsync(Run run, Schedule schedule, CancellationToken ct)
    {
        var succeeded = run.Status == RunStatus.Succeeded;
        foreach (var rule in schedule.Notifications)
        {
            var channel = await channels.FindAsync(rule.ChannelId, ct);
            var matches = rule.Condition.Matches(succeeded);
            var delivery = new Delivery(run.Id, rule.Id, rule.ChannelId, channel?.Provider ?? "unknown", rule.Target, rule.Condition,
                matches ? DeliveryStatus.Pending : DeliveryStatus.Skipped, 0,
                matches ? null : $"Condition {rule.Condition} does not match a {(succeeded ? "successful" : "failed")} run.",
                null, time.GetUtcNow());
            var added = await runs.TryAddDeliveryAsync(delivery, ct);
            // A run re-processed after a crash re-enqueues deliveries that never got an attempt; the ledger stops a double send.
            if (matches && !added && await runs.FindDeliveryAsync(run.Id, rule.Id, ct) is { Delivery.Status: DeliveryStatus.Pending })
                added = true;
            if (matches && added)
                await storage.DeliveryQueue.SendJsonAsync(new DeliveryRequest(run.Id, rule.Id), ct: ct);
            else if (!matches)
                metrics.DeliveryRecorded(delivery.Provider, DeliveryStatus.Skipped);
        }
    }
}
