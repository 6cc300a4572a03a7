namespace Notifications.Channels;

public enum SendStatus
{
    /// <summary>The provider accepted the message.</summary>
    Sent,
    /// <summary>Retrying cannot help (bad request, revoked URL, auth). Recorded, not retried.</summary>
    PermanentFailure,
    /// <summary>Worth retrying later (5xx, timeout, 429 with its Retry-After).</summary>
    TransientFailure,
}

/// <summary>What one send attempt came to. Senders return this instead of throwing, and never retry themselves.</summary>
public sealed record SendResult(SendStatus Status, string Detail, int? ProviderStatus = null, TimeSpan? RetryAfter = null)
{
    public static SendResult Sent(string detail, int? providerStatus = null) => new(SendStatus.Sent, detail, providerStatus);
    public static SendResult Permanent(string detail, int? providerStatus = null) => new(SendStatus.PermanentFailure, detail, providerStatus);
    public static SendResult Transient(string detail, int? providerStatus = null, TimeSpan? retryAfter = null) =>
        new(SendStatus.TransientFailure, detail, providerStatus, retryAfter);
}
