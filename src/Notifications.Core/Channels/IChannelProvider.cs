using System.Text.Json.Nodes;
using Notifications.Api;
using Notifications.Messages;

namespace Notifications.Channels;

/// <summary>
/// One notification service (SMTP, Slack, ...). Adding a provider means one class behind this contract,
/// in its own folder, plus one registration line.
/// </summary>
public interface IChannelProvider
{
    /// <summary>The provider id used in the API and in storage: "smtp", "slack", ...</summary>
    string Id { get; }

    ChannelKind Kind { get; }

    /// <summary>Camel-cased names of the settings that are secrets.</summary>
    IReadOnlySet<string> SecretFields { get; }

    /// <summary>Every setting the provider reads, for the channel form (Telegram's differs from the webhook URL form).</summary>
    IReadOnlyList<SettingField> Fields { get; }

    /// <summary>Checks the merged settings (secrets included); errors and warnings are keyed by setting name.</summary>
    void Validate(JsonObject settings, ValidationProblems problems);

    /// <summary>Checks a notification's target (e.g. recipients for email) for a channel of this provider.</summary>
    void ValidateTarget(string? target, ValidationProblems problems);

    /// <summary>Delivers one message. Returns the classified outcome; does not retry and does not throw for provider errors.</summary>
    Task<SendResult> SendAsync(Channel channel, string? target, NotificationMessage message, CancellationToken ct);

    /// <summary>Test Connection (email) or Test Webhook: proves the settings work, with a hint for each failure.</summary>
    Task<ConnectionTestResult> TestAsync(Channel channel, string? recipient, CancellationToken ct);

    /// <summary>What <see cref="SendAsync"/> would send, without sending it.</summary>
    Task<PreviewResult> PreviewAsync(Channel channel, string? target, NotificationMessage message, CancellationToken ct);
}
