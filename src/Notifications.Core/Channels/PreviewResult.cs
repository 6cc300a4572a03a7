namespace Notifications.Channels;

/// <summary>Exactly what a send would put on the wire, without sending it.</summary>
public sealed record PreviewResult(string ContentType, string Body);
