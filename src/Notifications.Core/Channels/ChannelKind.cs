namespace Notifications.Channels;

public enum ChannelKind
{
    Email,
    Webhook,
}
