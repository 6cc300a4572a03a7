using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifications.Fakes;

/// <summary>Reading requests the way the webhook fakes need: JSON bodies, multipart forms, string fields.</summary>
public static class FakeRequests
{
    /// <summary>The body as a JSON object, or null when it is not one.</summary>
    public static async Task<JsonObject?> JsonObjectAsync(HttpRequest request)
    {
        if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true) return null;
        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static JsonObject? ParseObject(string? json)
    {
        try
        {
            return json is null ? null : JsonNode.Parse(json) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? Str(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static bool IsPng(byte[] data) => data.Length > 8 && data[0] == 137 && data[1] == 80 && data[2] == 78 && data[3] == 71;

    public static IResult Json(JsonNode body, int status = 200) =>
        Results.Text(body.ToJsonString(), "application/json", statusCode: status);
}
