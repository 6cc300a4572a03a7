using System.Text.Json.Nodes;

namespace Notifications.Fakes.SendGrid;

/// <summary>
/// SendGrid v3 at /sendgrid: GET /v3/scopes and POST /v3/mail/send. Checks the bearer key, the Mail Send schema
/// (personalizations, from, subject, content with text/plain first, attachments with base64 content and a content_id
/// when inline) and the 30 MB limit, and answers like SendGrid: 202 with X-Message-Id, 200 in sandbox mode (nothing
/// recorded), 400/401/403/413 with {"errors":[{"message","field","help"}]}, and scripted 429/5xx.
/// </summary>
public static class FakeSendGrid
{
    public const string Provider = "sendgrid";
    /// <summary>A key with mail.send.</summary>
    public const string FullAccessKey = "SG.fakefullaccess.mail-send-secret";
    /// <summary>A valid key without mail.send (e.g. a read-only stats key).</summary>
    public const string NoMailSendKey = "SG.fakereadonly.stats-only-secret";
    /// <summary>Senders in this domain are not a verified Sender Identity.</summary>
    public const string UnverifiedDomain = "unverified.example.test";
    public const long MaxBytes = 30L * 1024 * 1024;

    private static readonly Dictionary<string, string[]> Scopes = new()
    {
        [FullAccessKey] = ["mail.send", "scopes.read", "stats.read"],
        [NoMailSendKey] = ["scopes.read", "stats.read"],
    };

    public static void Map(WebApplication app, RecordedRequests recorded, ScriptedFailures scripted)
    {
        app.MapGet("/sendgrid/v3/scopes", (HttpRequest request) =>
            Key(request) is { } key ? Results.Json(new { scopes = Scopes[key] }) : Unauthorized());

        app.MapPost("/sendgrid/v3/mail/send", async (HttpRequest request, HttpResponse response) =>
        {
            if (Key(request) is not { } key) return Unauthorized();
            if (scripted.TryTake(Provider, out var scriptedResponse)) return ScriptedFailures.Write(scriptedResponse, response);
            var bytes = await FakeEmailRequests.ReadBodyAsync(request);
            if (bytes.Length > MaxBytes) return Error(413, "Payload Too Large: the total message size must be less than 30MB.", null);
            if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
                return Error(415, "Content-Type should be application/json.", null);
            if (FakeEmailRequests.ParseObject(bytes) is not { } mail) return Error(400, "Bad Request", null);
            if (!Scopes[key].Contains("mail.send")) return Error(403, "access forbidden", null);
            if (Check(mail) is { } invalid) return Error(400, invalid.Message, invalid.Field);
            var from = FakeRequests.Str(mail["from"]?["email"])!;
            if (FakeEmailRequests.Domain(from).Equals(UnverifiedDomain, StringComparison.OrdinalIgnoreCase))
                return Error(403, "The from address does not match a verified Sender Identity. Mail cannot be sent until this error is resolved. " +
                    "Visit https://sendgrid.com/docs/for-developers/sending-email/sender-identity/ to see the Sender Identity requirements", "from");
            if (FakeEmailRequests.Bool(mail["mail_settings"]?["sandbox_mode"]?["enable"]) == true) return Results.Ok(); // validated, not delivered
            recorded.Add(Provider, mail, filePrefix: "email");
            response.Headers["X-Message-Id"] = Guid.NewGuid().ToString("N")[..22];
            return Results.StatusCode(202);
        });
    }

    private static string? Key(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        var key = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        return key is not null && Scopes.ContainsKey(key) ? key : null;
    }

    private static IResult Unauthorized() => Error(401, "The provided authorization grant is invalid, expired, or revoked", null);

    private static IResult Error(int status, string message, string? field) =>
        Results.Json(new JsonObject { ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["field"] = field, ["help"] = null }) }, statusCode: status);

    /// <summary>The Mail Send checks, returning SendGrid's message and field, or null.</summary>
    public static (string Message, string Field)? Check(JsonObject mail)
    {
        if (mail["personalizations"] is not JsonArray { Count: > 0 and <= 1000 } personalizations)
            return ("The personalizations field is required and must have at least one personalization.", "personalizations");
        foreach (var p in personalizations)
        {
            if (p?["to"] is not JsonArray { Count: > 0 } to)
                return ("The to array is required for all personalization objects, and must have at least one email object with a valid email address.", "personalizations.0.to");
            if (to.Any(t => FakeRequests.Str(t?["email"]) is not { } e || !e.Contains('@')))
                return ("Does not contain a valid address.", "personalizations.0.to.0.email");
        }
        if (FakeRequests.Str(mail["from"]?["email"]) is not { } from || !from.Contains('@') || from.Contains('<'))
            return ("The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.", "from.email");
        if (FakeRequests.Str(mail["subject"]) is not { Length: > 0 })
            return ("The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.", "subject");
        if (mail["content"] is not JsonArray { Count: > 0 } content || content.Any(c => FakeRequests.Str(c?["type"]) is null || FakeRequests.Str(c?["value"]) is not { Length: > 0 }))
            return ("Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block.", "content");
        var types = content.Select(c => FakeRequests.Str(c!["type"])).ToList();
        if (types.Contains("text/plain") && types[0] != "text/plain")
            return ("If present, text/plain content must be first, followed by any other content.", "content");
        if (mail["attachments"] is JsonArray attachments)
            foreach (var a in attachments)
            {
                if (FakeEmailRequests.Base64Length(FakeRequests.Str(a?["content"])) is null)
                    return ("The attachment content must be base64 encoded.", "attachments.0.content");
                if (FakeRequests.Str(a?["filename"]) is not { Length: > 0 }) return ("The attachment filename parameter is required.", "attachments.0.filename");
                var disposition = FakeRequests.Str(a?["disposition"]) ?? "attachment";
                if (disposition is not ("inline" or "attachment")) return ("Disposition must be inline or attachment.", "attachments.0.disposition");
                if (disposition == "inline" && FakeRequests.Str(a?["content_id"]) is not { Length: > 0 })
                    return ("The content_id parameter is required if the disposition is set to inline.", "attachments.0.content_id");
            }
        return null;
    }
}
