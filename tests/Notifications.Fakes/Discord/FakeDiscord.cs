using System.Text.Json.Nodes;
using static Notifications.Fakes.FakeRequests;

namespace Notifications.Fakes.Discord;

/// <summary>
/// Discord webhooks at /discord/api/webhooks/{id}/{token}, JSON or multipart (payload_json + files[n]). Enforces
/// Discord's message limits and answers like Discord: 204 (200 with the message for ?wait=true), 400 code 50035
/// "Invalid Form Body" with the offending fields, 400 50006 for an empty message, 401 50027 for token "expired",
/// 404 10015 for token "deleted". An embed image "attachment://name" must name an uploaded file.
/// </summary>
public static class FakeDiscord
{
    public const string Provider = "discord";
    public const int ContentLimit = 2000, EmbedLimit = 10, TitleLimit = 256, DescriptionLimit = 4096, FieldCount = 25,
        FieldNameLimit = 256, FieldValueLimit = 1024, FooterLimit = 2048, AuthorLimit = 256, TotalLimit = 6000;

    public static void Map(WebApplication app, RecordedRequests recorded, ScriptedFailures scripted)
    {
        app.MapPost("/discord/api/webhooks/{id}/{token}", async (string id, string token, HttpRequest request) =>
        {
            if (token == "expired") return Json(new JsonObject { ["message"] = "Invalid Webhook Token", ["code"] = 50027 }, 401);
            if (token == "deleted" || !id.All(char.IsAsciiDigit)) return Json(new JsonObject { ["message"] = "Unknown Webhook", ["code"] = 10015 }, 404);
            if (scripted.TryTake(Provider, out var s)) return ScriptedFailures.Write(s, request.HttpContext.Response);

            JsonObject? payload;
            var files = new HashSet<string>(StringComparer.Ordinal);
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync();
                payload = ParseObject(form["payload_json"].FirstOrDefault());
                foreach (var file in form.Files)
                {
                    if (!file.Name.StartsWith("files[", StringComparison.Ordinal)) return InvalidForm(file.Name, "UNKNOWN_FIELD", "Unknown field.");
                    files.Add(file.FileName);
                }
            }
            else payload = await JsonObjectAsync(request);
            if (payload is null) return Json(new JsonObject { ["message"] = "Cannot send an empty message", ["code"] = 50006 }, 400);
            if (Check(payload, files) is { } e) return InvalidForm(e.Path, e.Code, e.Message);
            if (Str(payload["content"]) is not { Length: > 0 } && payload["embeds"] is not JsonArray { Count: > 0 } && files.Count == 0)
                return Json(new JsonObject { ["message"] = "Cannot send an empty message", ["code"] = 50006 }, 400);

            recorded.Add(Provider, payload);
            if (request.Query["wait"] != "true") return Results.NoContent();
            var message = (JsonObject)payload.DeepClone();
            message["id"] = $"{1_000_000 + recorded.For(Provider).Count}";
            message["webhook_id"] = id;
            return Json(message);
        });
    }

    /// <summary>A 429 as Discord sends it: Retry-After header and retry_after (seconds, fractional) in the body.</summary>
    public static ScriptedResponse RateLimited(double seconds) => new(429,
        $$"""{"message":"You are being rate limited.","retry_after":{{seconds.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"global":false}""",
        "application/json", (int)Math.Ceiling(seconds));

    public sealed record Problem(string Path, string Code, string Message);

    /// <summary>Discord's length checks; the first violation, or null.</summary>
    public static Problem? Check(JsonObject payload, IReadOnlySet<string> files)
    {
        if (Str(payload["content"]) is { } content && content.Length > ContentLimit) return TooLong("content", ContentLimit);
        if (payload["embeds"] is not JsonArray embeds) return null;
        if (embeds.Count > EmbedLimit) return new Problem("embeds", "BASE_TYPE_MAX_LENGTH", $"Must be {EmbedLimit} or fewer in length.");
        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            if (embeds[i] is not JsonObject embed) return new Problem($"embeds.{i}", "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
            var p = $"embeds.{i}";
            if (Length(embed["title"], TitleLimit, $"{p}.title", ref total) is { } t) return t;
            if (Length(embed["description"], DescriptionLimit, $"{p}.description", ref total) is { } d) return d;
            if (Length(embed["footer"]?["text"], FooterLimit, $"{p}.footer.text", ref total) is { } f) return f;
            if (Length(embed["author"]?["name"], AuthorLimit, $"{p}.author.name", ref total) is { } a) return a;
            if (embed["fields"] is JsonArray fields)
            {
                if (fields.Count > FieldCount) return new Problem($"{p}.fields", "BASE_TYPE_MAX_LENGTH", $"Must be {FieldCount} or fewer in length.");
                for (var j = 0; j < fields.Count; j++)
                {
                    if (Str(fields[j]?["name"]) is not { Length: > 0 }) return new Problem($"{p}.fields.{j}.name", "BASE_TYPE_REQUIRED", "This field is required");
                    if (Str(fields[j]?["value"]) is not { Length: > 0 }) return new Problem($"{p}.fields.{j}.value", "BASE_TYPE_REQUIRED", "This field is required");
                    if (Length(fields[j]?["name"], FieldNameLimit, $"{p}.fields.{j}.name", ref total) is { } n) return n;
                    if (Length(fields[j]?["value"], FieldValueLimit, $"{p}.fields.{j}.value", ref total) is { } v) return v;
                }
            }
            if (Str(embed["image"]?["url"]) is { } image)
            {
                if (image.StartsWith("attachment://", StringComparison.Ordinal) && !files.Contains(image["attachment://".Length..]))
                    return new Problem($"{p}.image.url", "ATTACHMENT_NOT_FOUND", "The referenced attachment was not uploaded.");
                if (!image.StartsWith("attachment://", StringComparison.Ordinal) && !(Uri.TryCreate(image, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
                    return new Problem($"{p}.image.url", "URL_TYPE_INVALID_URL", "Not a well formed URL.");
            }
        }
        return total > TotalLimit ? new Problem("embeds", "MAX_EMBED_SIZE_EXCEEDED", $"Embed size exceeds maximum size of {TotalLimit}") : null;
    }

    private static Problem? Length(JsonNode? node, int max, string path, ref int total)
    {
        var text = Str(node);
        if (text is null) return null;
        total += text.Length;
        return text.Length > max ? TooLong(path, max) : null;
    }

    private static Problem TooLong(string path, int max) => new(path, "BASE_TYPE_MAX_LENGTH", $"Must be {max} or fewer in length.");

    /// <summary>{"code":50035,"errors":{…nested by path…:{"_errors":[{code,message}]}},"message":"Invalid Form Body"}.</summary>
    private static IResult InvalidForm(string path, string code, string message)
    {
        var errors = new JsonObject();
        var node = errors;
        foreach (var segment in path.Split('.'))
        {
            var next = new JsonObject();
            node[segment] = next;
            node = next;
        }
        node["_errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message });
        return Json(new JsonObject { ["code"] = 50035, ["errors"] = errors, ["message"] = "Invalid Form Body" }, 400);
    }
}
