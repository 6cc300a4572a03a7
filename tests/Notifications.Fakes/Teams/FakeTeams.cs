using System.Text;
using System.Text.Json.Nodes;
using static Notifications.Fakes.FakeRequests;

namespace Notifications.Fakes.Teams;

/// <summary>
/// Microsoft Teams webhooks. Workflows at /teams/workflows/{flow}/triggers/manual/paths/invoke?…&amp;sig=… answer 202
/// like Power Automate (400 for a payload that is not a message with an Adaptive Card, 413 at 28 KB and above, 401 for
/// a missing or "expired" sig, 404 for flow "deleted"). The legacy connector at /teams/webhookb2/{id} answers 200 "1",
/// and reports a too-large payload the way Office 365 connectors do: 200 with "Microsoft Teams endpoint returned HTTP
/// error 413…" in the body; id "retired" gives 200 with an HTTP error 410 text.
/// </summary>
public static class FakeTeams
{
    public const string Provider = "teams";
    public const int PayloadLimitBytes = 28 * 1024;
    private static readonly HashSet<string> Elements = ["TextBlock", "FactSet", "Image", "ImageSet", "Container", "ColumnSet", "RichTextBlock", "ActionSet"];

    public static void Map(WebApplication app, RecordedRequests recorded, ScriptedFailures scripted)
    {
        app.MapPost("/teams/workflows/{flow}/triggers/manual/paths/invoke", async (string flow, HttpRequest request) =>
        {
            var sig = request.Query["sig"].ToString();
            if (sig.Length == 0 || sig == "expired")
                return Error(401, "DirectApiInvalidAuthorizationSignature", "The provided signature is not valid for this workflow trigger.");
            if (flow == "deleted") return Error(404, "WorkflowNotFound", $"The workflow '{flow}' could not be found.");
            if (scripted.TryTake(Provider, out var s)) return ScriptedFailures.Write(s, request.HttpContext.Response);
            var (payload, size) = await ReadAsync(request);
            if (size >= PayloadLimitBytes) return Error(413, "RequestEntityTooLarge", $"The request content size {size} exceeds the Teams message limit of 28 KB.");
            if (payload is null) return Error(400, "InvalidRequestContent", "The request content is not valid JSON.");
            if (Check(payload) is { } problem) return Error(400, "InvalidTemplate", problem);
            recorded.Add(Provider, payload);
            return Results.StatusCode(202);
        });

        app.MapPost("/teams/webhookb2/{id}", async (string id, HttpRequest request) =>
        {
            if (id == "retired") return Results.Text("Microsoft Teams endpoint returned HTTP error 410 with ContextId tcid=0,server=fake.", statusCode: 200);
            if (scripted.TryTake(Provider, out var s)) return ScriptedFailures.Write(s, request.HttpContext.Response);
            var (payload, size) = await ReadAsync(request);
            if (size >= PayloadLimitBytes) return Results.Text("Microsoft Teams endpoint returned HTTP error 413 with ContextId tcid=0,server=fake.", statusCode: 200);
            if (payload is null || Check(payload) is not null) return Results.Text("Summary or Text is required.", statusCode: 400);
            recorded.Add(Provider, payload);
            return Results.Text("1");
        });
    }

    /// <summary>A 429 the way Power Automate throttles a flow trigger.</summary>
    public static ScriptedResponse RateLimited(int seconds) => new(429,
        """{"error":{"code":"WorkflowTriggerIsThrottled","message":"The workflow trigger is throttled."}}""", "application/json", seconds);

    private static async Task<(JsonObject? Payload, int Size)> ReadAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var isJson = request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true;
        return (isJson ? ParseObject(Encoding.UTF8.GetString(bytes)) : null, bytes.Length);
    }

    /// <summary>The envelope, the card and its elements, as Teams needs them; a description of the first problem, or null.</summary>
    public static string? Check(JsonObject payload)
    {
        if (Str(payload["type"]) != "message") return "type must be \"message\".";
        if (payload["attachments"] is not JsonArray { Count: > 0 } attachments) return "attachments is required.";
        foreach (var a in attachments)
        {
            if (Str(a?["contentType"]) != "application/vnd.microsoft.card.adaptive") return "attachments[].contentType must be application/vnd.microsoft.card.adaptive.";
            if (a?["content"] is not JsonObject card || Str(card["type"]) != "AdaptiveCard") return "attachments[].content must be an AdaptiveCard.";
            if (!Version.TryParse(Str(card["version"]), out var v) || v > new Version(1, 5)) return "The card version must be 1.5 or lower.";
            if (card["body"] is not JsonArray body) return "The card has no body.";
            foreach (var element in body)
            {
                var type = Str(element?["type"]);
                if (type is null || !Elements.Contains(type)) return $"Unknown element type '{type}'.";
                if (type == "TextBlock" && Str(element!["text"]) is null) return "A TextBlock needs text.";
                if (type == "Image" && !(Uri.TryCreate(Str(element!["url"]), UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
                    return "An Image needs an absolute url.";
                if (type == "FactSet" && element!["facts"] is JsonArray facts
                    && facts.Any(f => Str(f?["title"]) is null || Str(f?["value"]) is null)) return "Each fact needs a title and a value.";
            }
        }
        return null;
    }

    private static IResult Error(int status, string code, string message) =>
        Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, status);
}
