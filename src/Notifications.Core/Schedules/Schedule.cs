using Azure;

namespace Notifications.Schedules;

/// <summary>One notification of a schedule: where the result goes, and when.</summary>
public sealed record NotificationRule(string Id, string ChannelId, string? Target, TriggerCondition Condition);

/// <summary>
/// A scheduled task. <see cref="NextRunUtc"/> is the occurrence the due index points at;
/// <see cref="ETag"/> guards the claim so only one ticker runs an occurrence.
/// </summary>
public sealed record Schedule(
    string Id,
    string Name,
    string Prompt,
    string Cron,
    string TimeZone,
    bool Enabled,
    IReadOnlyList<NotificationRule> Notifications,
    DateTimeOffset? NextRunUtc,
    DateTimeOffset? LastOccurrenceUtc,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc,
    ETag ETag = default);
