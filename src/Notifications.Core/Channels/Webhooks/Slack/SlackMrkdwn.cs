namespace Notifications.Channels.Webhooks.Slack;

/// <summary>Markdown to Slack mrkdwn: headings become bold lines, tables become code blocks, quotes keep "&gt; ".</summary>
public sealed class SlackMrkdwn : AngleLinkText
{
    public static readonly SlackMrkdwn Instance = new();
}
