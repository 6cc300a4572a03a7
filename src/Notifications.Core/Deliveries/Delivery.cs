using Notifications.Schedules;

namespace Notifications.Deliveries;

public enum DeliveryStatus
{
    /// <summary>Enqueued, not attempted yet.</summary>
    Pending,
    /// <summary>An attempt failed transiently; another is enqueued.</summary>
    Retrying,
    Sent,
    Failed,
    /// <summary>The notification's condition did not match the run's outcome.</summary>
    Skipped,
}

/// <summary>
/// One notification of one run, and the idempotency ledger for it: a message for a delivery that is already
/// Sent, Failed or Skipped is acknowledged without sending again.
/// </summary>
public sealed record Delivery(
    string RunId,
    string NotificationId,
    string ChannelId,
    string Provider,
    string? Target,
    TriggerCondition Condition,
    DeliveryStatus Status,
    int Attempts,
    string? Detail,
    int? ProviderStatus,
    DateTimeOffset UpdatedUtc)
{
    public bool IsFinal => Status is DeliveryStatus.Sent or DeliveryStatus.Failed or DeliveryStatus.Skipped;
}
