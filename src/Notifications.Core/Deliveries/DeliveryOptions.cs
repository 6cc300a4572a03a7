namespace Notifications.Deliveries;

/// <summary>Retry policy for deliveries. Configuration section "Delivery".</summary>
public sealed class DeliveryOptions
{
    public const string Section = "Delivery";

    /// <summary>Attempts before a transiently failing delivery is recorded as Failed. Default 5.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the second attempt; doubles each time, unless the provider sent Retry-After. Default 30 s.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound for any retry delay (a queue message can be hidden for at most 7 days). Default 15 min.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);
}
