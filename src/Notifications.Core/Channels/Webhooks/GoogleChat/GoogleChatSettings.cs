namespace Notifications.Channels.Webhooks.GoogleChat;

public sealed record GoogleChatSettings
{
    /// <summary>https://chat.googleapis.com/v1/spaces/{space}/messages?key=…&amp;token=…, a secret: anyone with it can post.</summary>
    [Secret] public string? WebhookUrl { get; init; }
}
