namespace Notifications.Channels.Webhooks.Slack;

public sealed record SlackSettings
{
    /// <summary>https://hooks.slack.com/services/T…/B…/…, a secret: anyone with it can post.</summary>
    [Secret] public string? WebhookUrl { get; init; }
}
