using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifications.Channels.Webhooks;

/// <summary>JSON as the webhook providers get it and answer it.</summary>
public static class WebhookJson
{
    /// <summary>Reads a JSON body, or null when it is not JSON.</summary>
    public static JsonObject? Parse(string body)
    {
        try
        {
            return body.Length > 0 && body.TrimStart().StartsWith('{') ? JsonNode.Parse(body) as JsonObject : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A number of seconds in a JSON body (Discord's "retry_after", Telegram's "parameters.retry_after").</summary>
    public static TimeSpan? Seconds(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var s)
            ? TimeSpan.FromSeconds(Math.Max(0, s))
            : null;

    public static string? Text(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>Request bodies: non-ASCII text as UTF-8, not \uXXXX escapes, which would triple CJK payload sizes.
    /// (Relaxed escaping is safe here: the body goes to an API, never into HTML.)</summary>
    public static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Previews: the same body, indented.</summary>
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
