using Notifications.Messages;

namespace Notifications.Channels.Email;

/// <summary>The subject and both bodies every HTTP email provider puts into its own request shape.</summary>
public sealed record EmailContent(string Subject, string Html, string PlainText, IReadOnlyList<ChartAttachment> Charts)
{
    public static EmailContent From(NotificationMessage message, IReadOnlyList<ChartAttachment> charts, int dropped) => new(
        message.Title,
        EmailBody.Html(message, charts, dropped),
        EmailBody.PlainText(message, charts.Count, dropped),
        charts);
}
