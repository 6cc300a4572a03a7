namespace Notifications.Channels.Webhooks;

/// <summary>Configuration section "Webhooks".</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>
    /// Hosts admitted besides each provider's official ones (local fakes, a self-hosted gateway). Empty by default.
    /// Entries are host names or "host:port".
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Per-request timeout for webhook calls. Default 15 s.</summary>
    public int TimeoutSeconds { get; set; } = 15;
}
