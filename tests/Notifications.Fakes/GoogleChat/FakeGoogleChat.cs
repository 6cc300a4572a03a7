using System.Text;
using System.Text.Json.Nodes;
using static Notifications.Fakes.FakeRequests;

namespace Notifications.Fakes.GoogleChat;

/// <summary>
/// Google Chat incoming webhooks at /googlechat/v1/spaces/{space}/messages?key=…&amp;token=…. Enforces 4096 characters
/// of text and 32,000 bytes per message and answers like the Chat API: 200 with the created message, 400
/// INVALID_ARGUMENT, 403 PERMISSION_DENIED without a key, 401 UNAUTHENTICATED for token "expired", 404 NOT_FOUND for
/// space "deleted", errors as {"error":{"code","message","status"}}.
/// </summary>
public static class FakeGoogleChat
{
    public const string Provider = "googlechat";
    public const int TextLimit = 4096, ByteLimit = 32_000;

    public static void Map(WebApplication app, RecordedRequests recorded, ScriptedFailures scripted)
    {
        var count = 0;
        app.MapPost("/googlechat/v1/spaces/{space}/messages", async (string space, HttpRequest request) =>
        {
            if (string.IsNullOrEmpty(request.Query["key"])) return Error(403, "PERMISSION_DENIED", "The request is missing a valid API key.");
            var token = request.Query["token"].ToString();
            if (token.Length == 0 || token == "expired") return Error(401, "UNAUTHENTICATED", "Request had invalid authentication credentials.");
            if (space == "deleted") return Error(404, "NOT_FOUND", "Requested entity was not found.");
            if (scripted.TryTake(Provider, out var s)) return ScriptedFailures.Write(s, request.HttpContext.Response);

            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer);
            if (buffer.Length > ByteLimit) return Error(400, "INVALID_ARGUMENT", $"Message exceeds the maximum size of {ByteLimit} bytes.");
            var isJson = request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;
            if (!isJson || ParseObject(Encoding.UTF8.GetString(buffer.ToArray())) is not { } payload)
                return Error(400, "INVALID_ARGUMENT", "Invalid JSON payload received.");
            var text = Str(payload["text"]);
            if (string.IsNullOrWhiteSpace(text) && payload["cardsV2"] is null) return Error(400, "INVALID_ARGUMENT", "Message cannot be empty.");
            if (text is not null && text.Length > TextLimit)
                return Error(400, "INVALID_ARGUMENT", $"Invalid value at 'message.text': text is longer than {TextLimit} characters.");

            recorded.Add(Provider, payload);
            var created = (JsonObject)payload.DeepClone();
            created["name"] = $"spaces/{space}/messages/fake{Interlocked.Increment(ref count)}";
            created["createTime"] = DateTimeOffset.UtcNow.ToString("O");
            return Json(created);
        });
    }

    /// <summary>A 429 as the Chat API sends it (RESOURCE_EXHAUSTED), with a Retry-After header.</summary>
    public static ScriptedResponse RateLimited(int seconds) => new(429,
        """{"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED"}}""", "application/json", seconds);

    private static IResult Error(int code, string status, string message) =>
        Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["status"] = status } }, code);
}
