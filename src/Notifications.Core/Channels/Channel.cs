using System.Text.Json.Nodes;

namespace Notifications.Channels;

/// <summary>
/// A saved channel. <see cref="Settings"/> holds the non-secret fields; <see cref="Secrets"/> the secret ones
/// (stored encrypted, never returned by the API, never logged).
/// </summary>
public sealed record Channel(
    string Id,
    string Name,
    ChannelKind Kind,
    string Provider,
    JsonObject Settings,
    IReadOnlyDictionary<string, string> Secrets,
    DateTimeOffset CreatedUtc,
    DateTimeOffset UpdatedUtc)
{
    /// <summary>The settings and secrets merged into one object, the shape a provider's settings type reads.</summary>
    public JsonObject MergedSettings()
    {
        var merged = (JsonObject)Settings.DeepClone();
        foreach (var (key, value) in Secrets) merged[key] = value;
        return merged;
    }

    /// <summary>Safe to log: no settings, no secrets.</summary>
    public override string ToString() => $"Channel {Id} ({Provider})";
}
