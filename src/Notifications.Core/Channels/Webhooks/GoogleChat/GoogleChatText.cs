namespace Notifications.Channels.Webhooks.GoogleChat;

/// <summary>
/// Markdown to Google Chat's text syntax (MARKUP_SYNTAX_CHAT, the default for incoming webhooks): the Slack-like
/// syntax, except that it has no quote markup, so quotes are set off with a bar.
/// </summary>
public sealed class GoogleChatText : AngleLinkText
{
    public static readonly GoogleChatText Instance = new();

    protected override string Quote(string inner) => string.Join("\n", inner.Split('\n').Select(l => "┃ " + l));
}
