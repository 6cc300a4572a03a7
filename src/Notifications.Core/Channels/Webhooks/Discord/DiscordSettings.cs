namespace Notifications.Channels.Webhooks.Discord;

public sealed record DiscordSettings
{
    /// <summary>https://discord.com/api/webhooks/{id}/{token}, a secret: anyone with it can post.</summary>
    [Secret] public string? WebhookUrl { get; init; }
}
