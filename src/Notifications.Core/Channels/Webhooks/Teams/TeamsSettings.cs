namespace Notifications.Channels.Webhooks.Teams;

public sealed record TeamsSettings
{
    /// <summary>A Workflows webhook URL (…logic.azure.com or …environment.api.powerplatform.com, with sig=); a secret.</summary>
    [Secret] public string? WebhookUrl { get; init; }
}
