using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Notifications.Api;
using Notifications.Messages;

namespace Notifications.Channels;

/// <summary>
/// The shared half of every provider: reading typed settings from JSON (with field-level errors for wrong types and
/// unknown fields) and finding the secret fields from <see cref="SecretAttribute"/>. Providers implement only what differs.
/// </summary>
public abstract class ChannelProvider<TSettings> : IChannelProvider where TSettings : class
{
    private static readonly JsonSerializerOptions SettingsJson = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    public abstract string Id { get; }
    public abstract ChannelKind Kind { get; }

    public IReadOnlyList<SettingField> Fields { get; } = typeof(TSettings)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Select(p => new SettingField(JsonNamingPolicy.CamelCase.ConvertName(p.Name), SettingField.TypeName(p.PropertyType),
            p.GetCustomAttribute<SecretAttribute>() is not null))
        .ToList();

    public IReadOnlySet<string> SecretFields { get; } = typeof(TSettings)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetCustomAttribute<SecretAttribute>() is not null)
        .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
        .ToHashSet(StringComparer.Ordinal);

    public void Validate(JsonObject settings, ValidationProblems problems)
    {
        if (TryRead(settings, problems, out var typed)) Validate(typed, problems);
    }

    public virtual void ValidateTarget(string? target, ValidationProblems problems)
    {
    }

    public Task<SendResult> SendAsync(Channel channel, string? target, NotificationMessage message, CancellationToken ct) =>
        SendAsync(Read(channel), target, message, ct);

    public Task<ConnectionTestResult> TestAsync(Channel channel, string? recipient, CancellationToken ct) =>
        TestAsync(Read(channel), recipient, ct);

    public Task<PreviewResult> PreviewAsync(Channel channel, string? target, NotificationMessage message, CancellationToken ct) =>
        PreviewAsync(Read(channel), target, message, ct);

    protected abstract void Validate(TSettings settings, ValidationProblems problems);
    protected abstract Task<SendResult> SendAsync(TSettings settings, string? target, NotificationMessage message, CancellationToken ct);
    protected abstract Task<ConnectionTestResult> TestAsync(TSettings settings, string? recipient, CancellationToken ct);
    protected abstract Task<PreviewResult> PreviewAsync(TSettings settings, string? target, NotificationMessage message, CancellationToken ct);

    /// <summary>Reads a saved channel's settings; they were validated when saved.</summary>
    protected static TSettings Read(Channel channel) =>
        channel.MergedSettings().Deserialize<TSettings>(SettingsJson)
        ?? throw new InvalidOperationException($"{channel} has no settings.");

    private static bool TryRead(JsonObject settings, ValidationProblems problems, out TSettings typed)
    {
        typed = null!;
        try
        {
            typed = settings.Deserialize<TSettings>(SettingsJson)!;
            return typed is not null;
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "" : e.Path.TrimStart('$', '.');
            var message = e.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "Unknown setting."
                : $"Has the wrong type or format.";
            if (field.Length == 0 && e.Message.Contains("could not be mapped", StringComparison.Ordinal))
                field = UnknownMember(e.Message) ?? "";
            problems.Error(field, message);
            return false;
        }
    }

    // System.Text.Json names the unmapped member in its message but not in Path.
    private static string? UnknownMember(string message)
    {
        var start = message.IndexOf('\'');
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start ? message[(start + 1)..end] : null;
    }
}
