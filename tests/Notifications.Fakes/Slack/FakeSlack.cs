using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifications.Fakes.Slack;

/// <summary>
/// Slack incoming webhooks at /slack/services/{T}/{B}/{token}. Checks payloads the way Slack does (text or blocks,
/// Block Kit limits) and answers like Slack: 200 "ok", 400 invalid_payload / no_text / invalid_blocks,
/// 403 invalid_token, 404 no_service, 410 channel_is_archived, 429 with Retry-After.
/// Tokens "revoked", "expired" and "archived" give those errors.
/// </summary>
public static class FakeSlack
{
    public const string Provider = "slack";
    private static readonly HashSet<string> BlockTypes = ["header", "section", "image", "divider", "context", "actions", "rich_text"];

    public static void Map(WebApplication app, RecordedRequests recorded, ScriptedFailures scripted)
    {
        app.MapPost("/slack/services/{team}/{bot}/{token}", async (string team, string bot, string token, HttpRequest request) =>
        {
            if (!team.StartsWith('T') || !bot.StartsWith('B') || token == "expired") return Results.Text("no_service", statusCode: 404);
            if (token == "revoked") return Results.Text("invalid_token", statusCode: 403);
            if (token == "archived") return Results.Text("channel_is_archived", statusCode: 410);
            if (scripted.TryTake(Provider, out var scriptedResponse)) return ScriptedFailures.Write(scriptedResponse, request.HttpContext.Response);
            if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
                return Results.Text("invalid_payload", statusCode: 400);
            JsonNode? body;
            try
            {
                body = await JsonNode.ParseAsync(request.Body);
            }
            catch (JsonException)
            {
                return Results.Text("invalid_payload", statusCode: 400);
            }
            if (body is not JsonObject payload) return Results.Text("invalid_payload", statusCode: 400);
            var error = Check(payload);
            if (error is not null) return Results.Text(error, statusCode: 400);
            recorded.Add(Provider, payload);
            return Results.Text("ok");
        });
    }

    /// <summary>Slack's checks, returning its error code or null.</summary>
    public static string? Check(JsonObject payload)
    {
        var text = payload["text"]?.GetValueKind() == JsonValueKind.String ? payload["text"]!.GetValue<string>() : null;
        var blocks = payload["blocks"] as JsonArray;
        if (string.IsNullOrWhiteSpace(text) && (blocks is null || blocks.Count == 0)) return "no_text";
        if (blocks is null) return null;
        if (blocks.Count > 50) return "invalid_blocks";
        foreach (var node in blocks)
            if (node is not JsonObject block || !ValidBlock(block)) return "invalid_blocks";
        return null;
    }

    private static bool ValidBlock(JsonObject block)
    {
        var type = Str(block["type"]);
        if (type is null || !BlockTypes.Contains(type)) return false;
        return type switch
        {
            "header" => TextObject(block["text"], 150, plainOnly: true),
            "section" => ValidSection(block),
            "image" => Str(block["image_url"]) is { Length: > 0 and <= 3000 } url
                       && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"
                       && Str(block["alt_text"]) is { Length: > 0 and <= 2000 }
                       && (block["title"] is null || TextObject(block["title"], 2000, plainOnly: true)),
            _ => true,
        };
    }

    private static bool ValidSection(JsonObject block)
    {
        var hasText = block["text"] is not null;
        var fields = block["fields"] as JsonArray;
        if (!hasText && (fields is null || fields.Count == 0)) return false;
        if (hasText && !TextObject(block["text"], 3000, plainOnly: false)) return false;
        if (fields is not null && (fields.Count > 10 || fields.Any(f => !TextObject(f, 2000, plainOnly: false)))) return false;
        return true;
    }

    private static bool TextObject(JsonNode? node, int max, bool plainOnly)
    {
        if (node is not JsonObject o) return false;
        var type = Str(o["type"]);
        if (type != "plain_text" && (plainOnly || type != "mrkdwn")) return false;
        return Str(o["text"]) is { Length: > 0 } t && t.Length <= max;
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
