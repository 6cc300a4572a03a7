using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Notifications.Channels;
using Notifications.Schedules;
using Notifications.Storage;

namespace Notifications.Api;

/// <summary>Admin API for schedules and their notifications, and "run now".</summary>
public sealed class SchedulesApi(
    ScheduleRepository schedules,
    DueScheduleIndex dueIndex,
    ChannelRepository channels,
    ChannelProviderRegistry providers,
    NotificationStorage storage,
    TimeProvider time,
    ILogger<SchedulesApi> logger)
{
    public sealed record ScheduleView(
        string Id, string Name, string Prompt, string Cron, string TimeZone, bool Enabled,
        IReadOnlyList<NotificationRule> Notifications, DateTimeOffset? NextRunUtc, DateTimeOffset? LastOccurrenceUtc,
        DateTimeOffset CreatedUtc, DateTimeOffset UpdatedUtc);

    public sealed record RunAccepted(string RunId, string ScheduleId, string Status, string Run);

    public const int MaxNameLength = 200;
    /// <summary>The prompt is stored on the schedule and on every run (Table Storage: 32K characters a property).</summary>
    public const int MaxPromptLength = 16_000;
    public const int MaxNotifications = 100;
    /// <summary>The notifications are one JSON column of the schedule entity.</summary>
    public const int MaxNotificationsJsonLength = 30_000;

    public async Task<ApiResult> ListAsync(CancellationToken ct) =>
        ApiResult.Ok((await schedules.ListAsync(ct)).Select(View).ToList());

    public async Task<ApiResult> GetAsync(string id, CancellationToken ct) =>
        await schedules.FindAsync(id, ct) is { } s ? ApiResult.Ok(View(s)) : ApiResult.NotFound($"Schedule '{id}'");

    public async Task<ApiResult> CreateAsync(string? body, CancellationToken ct)
    {
        var (schedule, error) = await ReadAsync(body, null, ct);
        if (error is not null) return error;
        await schedules.AddAsync(schedule!, ct);
        if (schedule!.NextRunUtc is { } next) await dueIndex.AddAsync(schedule.Id, next, ct);
        logger.LogInformation("Created schedule {ScheduleId}; next run {NextRunUtc}", schedule.Id, schedule.NextRunUtc);
        return ApiResult.Ok(View(schedule), 201);
    }

    public async Task<ApiResult> UpdateAsync(string id, string? body, CancellationToken ct)
    {
        var existing = await schedules.FindAsync(id, ct);
        if (existing is null) return ApiResult.NotFound($"Schedule '{id}'");
        var (schedule, error) = await ReadAsync(body, existing, ct);
        if (error is not null) return error;
        if (schedule!.NextRunUtc is { } next) await dueIndex.AddAsync(schedule.Id, next, ct);
        if (!await schedules.TryReplaceAsync(schedule, existing.ETag, ct))
            return ApiResult.Problem(409, "The schedule changed while it was being updated.", "Read it again and retry.");
        if (existing.NextRunUtc is { } old && old != schedule.NextRunUtc) await dueIndex.RemoveAsync(id, old, ct);
        logger.LogInformation("Updated schedule {ScheduleId}; next run {NextRunUtc}", schedule.Id, schedule.NextRunUtc);
        return ApiResult.Ok(View(schedule));
    }

    public async Task<ApiResult> DeleteAsync(string id, CancellationToken ct)
    {
        var existing = await schedules.FindAsync(id, ct);
        if (existing is null) return ApiResult.NotFound($"Schedule '{id}'");
        await schedules.DeleteAsync(id, ct);
        if (existing.NextRunUtc is { } next) await dueIndex.RemoveAsync(id, next, ct);
        logger.LogInformation("Deleted schedule {ScheduleId}", id);
        return ApiResult.NoContent();
    }

    public async Task<ApiResult> RunNowAsync(string id, CancellationToken ct)
    {
        if (await schedules.FindAsync(id, ct) is null) return ApiResult.NotFound($"Schedule '{id}'");
        var runId = RunIds.ForManualRun(id);
        await storage.RunQueue.SendJsonAsync(new RunRequest(runId, id, null, "manual"), ct: ct);
        logger.LogInformation("Queued run {RunId} of schedule {ScheduleId}", runId, id);
        return ApiResult.Ok(new RunAccepted(runId, id, "Queued", $"/api/runs/{runId}"), 202);
    }

    private async Task<(Schedule?, ApiResult?)> ReadAsync(string? body, Schedule? existing, CancellationToken ct)
    {
        if (!JsonBody.TryParse(body, out var json, out var error)) return (null, error);
        var problems = new ValidationProblems();
        var name = JsonBody.String(json, "name", problems)?.Trim();
        if (problems.Require("name", name, "Schedule name")) problems.MaxLength("name", name, MaxNameLength, "Schedule name");
        var prompt = JsonBody.String(json, "prompt", problems);
        if (problems.Require("prompt", prompt, "Prompt")) problems.MaxLength("prompt", prompt, MaxPromptLength, "Prompt");
        var cron = JsonBody.String(json, "cron", problems);
        var zone = JsonBody.String(json, "timeZone", problems) ?? "UTC";
        var enabled = JsonBody.Bool(json, "enabled", problems) ?? true;
        if (!CronSchedule.TryParse(cron, zone, out var cronSchedule, out var cronError, out var zoneError))
        {
            if (cronError is not null) problems.Error("cron", cronError);
            if (zoneError is not null) problems.Error("timeZone", zoneError);
        }
        var now = time.GetUtcNow();
        // Cronos accepts dates that never come ("0 0 31 2 *"); such a schedule would sit in the list and never run.
        var firstRun = cronSchedule?.NextAfter(now);
        if (cronSchedule is not null && firstRun is null) problems.Error("cron", "This cron expression never occurs.");
        // The ticker runs once a minute, so occurrences closer together than that would be collapsed silently.
        else if (firstRun is { } first && cronSchedule!.NextAfter(first) is { } second && second - first < TimeSpan.FromMinutes(1))
            problems.Error("cron", "Schedules run at most once a minute: use a seconds field of a single value, e.g. \"0 */5 * * * *\".");
        var notifications = await ReadNotificationsAsync(json, existing, problems, ct);
        if (!problems.IsValid) return (null, ApiResult.Invalid(problems));

        var next = enabled ? firstRun : null;
        return (new Schedule(existing?.Id ?? "sch" + Guid.NewGuid().ToString("N")[..16], name!, prompt!, cron!.Trim(), zone, enabled,
            notifications, next, existing?.LastOccurrenceUtc, existing?.CreatedUtc ?? now, now, existing?.ETag ?? default), null);
    }

    private async Task<List<NotificationRule>> ReadNotificationsAsync(JsonObject json, Schedule? existing, ValidationProblems problems, CancellationToken ct)
    {
        var rules = new List<NotificationRule>();
        var node = json["notifications"];
        if (node is null) return rules;
        if (node is not JsonArray array)
        {
            problems.Error("notifications", "notifications must be an array.");
            return rules;
        }
        if (array.Count > MaxNotifications)
        {
            problems.Error("notifications", $"A schedule can have at most {MaxNotifications} notifications (it has {array.Count}).");
            return rules;
        }
        var known = new Dictionary<string, Channel?>(StringComparer.Ordinal); // one lookup per channel, not per notification
        for (var i = 0; i < array.Count; i++)
        {
            var field = $"notifications[{i}]";
            if (array[i] is not JsonObject item)
            {
                problems.Error(field, "Each notification must be an object with channelId, target and condition.");
                continue;
            }
            var itemProblems = new ValidationProblems();
            var channelId = JsonBody.String(item, "channelId", itemProblems);
            var target = JsonBody.String(item, "target", itemProblems)?.Trim();
            var conditionText = JsonBody.String(item, "condition", itemProblems) ?? nameof(TriggerCondition.Always);
            var id = JsonBody.String(item, "id", itemProblems);
            if (!Enum.TryParse<TriggerCondition>(conditionText, ignoreCase: true, out var condition) || int.TryParse(conditionText, out _))
                itemProblems.Error("condition", "condition must be Always, SuccessOnly or FailureOnly.");
            if (itemProblems.Require("channelId", channelId, "channelId"))
            {
                if (!known.TryGetValue(channelId!, out var channel)) known[channelId!] = channel = await channels.FindAsync(channelId!, ct);
                if (channel is null) itemProblems.Error("channelId", $"No channel '{channelId}' exists.");
                else providers.Find(channel.Provider)?.ValidateTarget(target, itemProblems);
            }
            problems.Merge(itemProblems, field);
            var keepId = id is not null && existing?.Notifications.Any(n => n.Id == id) == true;
            rules.Add(new NotificationRule(keepId ? id! : "n" + Guid.NewGuid().ToString("N")[..12], channelId ?? "",
                string.IsNullOrEmpty(target) ? null : target, condition));
        }
        if (JsonSerializer.Serialize(rules, QueueMessageJson.Options).Length > MaxNotificationsJsonLength)
            problems.Error("notifications", $"The notifications are too long to store (targets included, at most {MaxNotificationsJsonLength} characters of JSON).");
        return rules;
    }

    private static ScheduleView View(Schedule s) => new(s.Id, s.Name, s.Prompt, s.Cron, s.TimeZone, s.Enabled, s.Notifications,
        s.NextRunUtc, s.LastOccurrenceUtc, s.CreatedUtc, s.UpdatedUtc);
}
