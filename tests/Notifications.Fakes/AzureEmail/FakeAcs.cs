using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace Notifications.Fakes.AzureEmail;

/// <summary>
/// ACS Email at /acs: POST /emails:send and GET /emails/operations/{id}. Authenticates as the service does: the
/// HMAC-SHA256 signature recomputed from the request (method, path and query, x-ms-date, Host, and the body's
/// SHA-256, which must match x-ms-content-sha256), or a bearer token. Checks the schema and the 10 MB limit, dedupes by
/// Operation-Id, and answers like ACS: 202 + Operation-Location, then Running, then Succeeded or Failed;
/// 400 InvalidSenderUserName, 404 DomainNotLinked, 401 Denied, 413, and scripted 429/5xx, with {"error":{"code","message"}}.
/// </summary>
public static class FakeAcs
{
    public const string Provider = "acs";
    public const string ApiVersion = "2025-09-01";
    public static readonly byte[] AccessKey = Encoding.UTF8.GetBytes("fake-acs-access-key-for-local-tests-only");
    public static string AccessKeyBase64 => Convert.ToBase64String(AccessKey);
    /// <summary>The token a test's managed-identity stand-in presents.</summary>
    public const string BearerToken = "fake-acs-managed-identity-token";
    /// <summary>Sender domain not linked to the resource.</summary>
    public const string UnlinkedDomain = "unlinked.example.test";
    /// <summary>Sender username not configured as a MailFrom address.</summary>
    public const string UnknownSenderUser = "unknown-sender";
    /// <summary>Recipients with this local part are on the suppression list: the operation fails.</summary>
    public const string SuppressedRecipient = "suppressed";
    public const long MaxBytes = 10L * 1024 * 1024;

    private sealed record Operation(string Id, bool Fails)
    {
        public int Polls { get; set; }
    }

    public static void Map(WebApplication app, RecordedRequests recorded, ScriptedFailures scripted)
    {
        var operations = new ConcurrentDictionary<string, Operation>();

        app.MapPost("/acs/emails:send", async (HttpRequest request, HttpResponse response) =>
        {
            var bytes = await FakeEmailRequests.ReadBodyAsync(request);
            if (!Authenticated(request, bytes)) return Error(401, "Denied", "Denied by the resource provider.");
            if (request.Query["api-version"] != ApiVersion) return Error(400, "UnsupportedApiVersion", $"The api-version '{request.Query["api-version"]}' is not supported.");
            if (scripted.TryTake(Provider, out var scriptedResponse)) return ScriptedFailures.Write(scriptedResponse, response);
            if (bytes.Length > MaxBytes) return Error(413, "RequestBodyTooLarge", "The request body is larger than the maximum of 10 MB.");
            if (!Guid.TryParse(request.Headers["Operation-Id"], out var operationGuid)) return Error(400, "InvalidOperationId", "Operation-Id must be a GUID.");
            var operationId = operationGuid.ToString();
            if (FakeEmailRequests.ParseObject(bytes) is not { } email) return Error(400, "BadRequest", "The request body is not valid JSON.");
            var sender = FakeRequests.Str(email["senderAddress"]);
            if (sender is null || sender.Contains('<') || !sender.Contains('@'))
                return Error(400, "BadRequest", "Invalid format for the sender address.", "senderAddress");
            if (FakeEmailRequests.Domain(sender).Equals(UnlinkedDomain, StringComparison.OrdinalIgnoreCase))
                return Error(404, "DomainNotLinked", "The specified sender domain has not been linked.");
            if (FakeEmailRequests.LocalPart(sender).Equals(UnknownSenderUser, StringComparison.OrdinalIgnoreCase))
                return Error(400, "InvalidSenderUserName", "Invalid email sender username.");
            if (Check(email) is { } invalid) return Error(400, "BadRequest", invalid.Message, invalid.Target);
            if (!operations.ContainsKey(operationId))
            {
                var fails = Recipients(email).Any(a => FakeEmailRequests.LocalPart(a).Equals(SuppressedRecipient, StringComparison.OrdinalIgnoreCase));
                if (operations.TryAdd(operationId, new Operation(operationId, fails))) recorded.Add(Provider, email, filePrefix: "email");
            }
            return Accepted(request, response, operationId, "Running");
        });

        app.MapGet("/acs/emails/operations/{id}", (string id, HttpRequest request, HttpResponse response) =>
        {
            if (!Authenticated(request, [])) return Error(401, "Denied", "Denied by the resource provider.");
            if (!operations.TryGetValue(id, out var operation)) return Error(404, "NotFound", $"Operation {id} was not found.");
            operation.Polls++;
            if (operation.Polls < 2) return Accepted(request, response, id, "Running", httpStatus: 200);
            return operation.Fails
                ? Results.Json(new JsonObject
                {
                    ["id"] = id, ["status"] = "Failed",
                    ["error"] = new JsonObject { ["code"] = "EmailDroppedAllRecipientsSuppressed", ["message"] = "Message was dropped because all recipients were suppressed." },
                })
                : Results.Json(new JsonObject { ["id"] = id, ["status"] = "Succeeded" });
        });
    }

    /// <summary>Running answers carry Retry-After: 0, so clients poll at once (the real service suggests a few seconds).</summary>
    private static IResult Accepted(HttpRequest request, HttpResponse response, string id, string state, int httpStatus = 202)
    {
        response.Headers["Operation-Location"] = $"{request.Scheme}://{request.Host}/acs/emails/operations/{id}?api-version={ApiVersion}";
        response.Headers.RetryAfter = "0";
        return Results.Json(new JsonObject { ["id"] = id, ["status"] = state }, statusCode: httpStatus);
    }

    private static IEnumerable<string> Recipients(JsonObject email) =>
        new[] { "to", "cc", "bcc" }.SelectMany(kind => email["recipients"]?[kind] as JsonArray ?? [])
            .Select(r => FakeRequests.Str(r?["address"]) ?? "");

    /// <summary>The emails:send schema checks, returning the message and target, or null.</summary>
    public static (string Message, string Target)? Check(JsonObject email)
    {
        if (email["content"] is not JsonObject content || FakeRequests.Str(content["subject"]) is not { Length: > 0 })
            return ("The content subject is required.", "content.subject");
        if (FakeRequests.Str(content["plainText"]) is not { Length: > 0 } && FakeRequests.Str(content["html"]) is not { Length: > 0 })
            return ("Either plainText or html content is required.", "content");
        var recipients = Recipients(email).ToList();
        if (recipients.Count == 0) return ("At least one recipient is required in to, cc or bcc.", "recipients");
        if (recipients.Any(a => !a.Contains('@'))) return ("Invalid format for the recipient email address.", "recipients.to");
        if (email["attachments"] is JsonArray attachments)
            foreach (var a in attachments)
            {
                if (FakeRequests.Str(a?["name"]) is not { Length: > 0 } || FakeRequests.Str(a?["contentType"]) is not { Length: > 0 })
                    return ("Attachment name and contentType are required.", "attachments");
                if (FakeEmailRequests.Base64Length(FakeRequests.Str(a?["contentInBase64"])) is null)
                    return ("Attachment contentInBase64 is not valid base64.", "attachments.contentInBase64");
                if (a?["contentId"] is { } cid && FakeRequests.Str(cid) is not { Length: > 0 })
                    return ("Attachment contentId must be a non-empty string.", "attachments.contentId");
            }
        return null;
    }

    private static bool Authenticated(HttpRequest request, byte[] body)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (authorization == $"Bearer {BearerToken}") return true;
        const string prefix = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=";
        if (!authorization.StartsWith(prefix, StringComparison.Ordinal)) return false;
        var date = request.Headers["x-ms-date"].ToString();
        var hash = request.Headers["x-ms-content-sha256"].ToString();
        if (hash != Convert.ToBase64String(SHA256.HashData(body))) return false;
        if (!DateTimeOffset.TryParseExact(date, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _)) return false;
        var target = request.HttpContext.Features.Get<IHttpRequestFeature>()?.RawTarget ?? request.Path + request.QueryString;
        var expected = Convert.ToBase64String(HMACSHA256.HashData(AccessKey,
            Encoding.UTF8.GetBytes($"{request.Method}\n{target}\n{date};{request.Host.Value};{hash}")));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(authorization[prefix.Length..]));
    }

    private static IResult Error(int status, string code, string message, string? target = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (target is not null) error["target"] = target;
        return Results.Json(new JsonObject { ["error"] = error }, statusCode: status);
    }
}
