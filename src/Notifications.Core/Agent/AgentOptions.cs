namespace Notifications.Agent;

/// <summary>Where scheduled prompts go. Configuration section "Agent".</summary>
public sealed class AgentOptions
{
    public const string Section = "Agent";

    /// <summary>Base URL of the agent endpoint; the prompt is POSTed to {BaseUrl}/api/ask.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Sent as the x-api-key header. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A run whose agent call takes longer than this fails. Default 120 s.</summary>
    public int TimeoutSeconds { get; set; } = 120;
}
