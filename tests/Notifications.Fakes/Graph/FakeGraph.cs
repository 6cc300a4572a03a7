using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Notifications.Fakes.Graph;

/// <summary>
/// Microsoft Graph sendMail at /graph/v1.0/users/{upn}/sendMail and the Entra token endpoint at
/// /graph-login/{tenant}/oauth2/v2.0/token. The token endpoint checks client credentials and issues a signed JWT whose
/// roles claim holds the app's application permissions; sendMail checks that token's signature and its Mail.Send
/// role, the mailbox, the message schema and the size limits, and answers like Graph: 202, 400 ErrorInvalidRecipients,
/// 401 InvalidAuthenticationToken, 403 ErrorAccessDenied, 404 MailboxNotEnabledForRESTAPI / ErrorInvalidUser, 413,
/// and scripted 429/5xx. Token errors are Entra's: invalid_client AADSTS7000215, unauthorized_client AADSTS700016,
/// invalid_request AADSTS90002.
/// </summary>
public static class FakeGraph
{
    public const string Provider = "graph";
    public const string TenantId = "8f0e3c52-0000-4000-8000-00000000a11c";
    /// <summary>An app with the Mail.Send application permission.</summary>
    public const string MailSendClientId = "11111111-1111-4111-8111-111111111111";
    public const string MailSendSecret = "fake-graph-mail-send-secret";
    /// <summary>An app with only User.Read.All: it gets tokens but cannot send.</summary>
    public const string ReadOnlyClientId = "22222222-2222-4222-8222-222222222222";
    public const string ReadOnlySecret = "fake-graph-user-read-secret";
    /// <summary>Mailboxes with this local part are not enabled for REST (unlicensed, soft-deleted, on-premises).</summary>
    public const string DisabledMailbox = "nomailbox";
    /// <summary>Mailboxes with this local part do not exist.</summary>
    public const string MissingMailbox = "missing";
    /// <summary>Graph takes direct attachments under 3 MB in all; the whole request is capped at 4 MB.</summary>
    public const long MaxAttachmentBytes = 3L * 1024 * 1024;
    public const long MaxRequestBytes = 4L * 1024 * 1024;
    private static readonly byte[] SigningKey = Encoding.UTF8.GetBytes("fake-graph-token-signing-key-local-only");

    private static readonly Dictionary<string, (string Secret, string[] Roles)> Apps = new()
    {
        [MailSendClientId] = (MailSendSecret, ["Mail.Send"]),
        [ReadOnlyClientId] = (ReadOnlySecret, ["User.Read.All"]),
    };

    public static void Map(WebApplication app, RecordedRequests recorded, ScriptedFailures scripted)
    {
        app.MapPost("/graph-login/{tenant}/oauth2/v2.0/token", async (string tenant, HttpRequest request) =>
        {
            if (!request.HasFormContentType) return TokenError(400, "invalid_request", "AADSTS900144: The request body must contain the following parameter: 'grant_type'.");
            var form = await request.ReadFormAsync();
            if (tenant != TenantId && tenant != "contoso.onmicrosoft.com")
                return TokenError(400, "invalid_request", $"AADSTS90002: Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
            if (form["grant_type"] != "client_credentials")
                return TokenError(400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
            var clientId = form["client_id"].ToString();
            if (!Apps.TryGetValue(clientId, out var registration))
                return TokenError(400, "unauthorized_client", $"AADSTS700016: Application with identifier '{clientId}' was not found in the directory '{tenant}'.");
            if (form["client_secret"] != registration.Secret)
                return TokenError(401, "invalid_client", $"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '{clientId}'.");
            var scope = form["scope"].ToString();
            if (!scope.EndsWith("/.default", StringComparison.Ordinal))
                return TokenError(400, "invalid_scope", "AADSTS1002012: The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.");
            var token = Jwt(new JsonObject
            {
                ["aud"] = scope[..^"/.default".Length], ["tid"] = TenantId, ["appid"] = clientId,
                ["roles"] = new JsonArray(registration.Roles.Select(r => (JsonNode)r).ToArray()),
            });
            return Results.Json(new { token_type = "Bearer", expires_in = 3599, ext_expires_in = 3599, access_token = token });
        });

        app.MapPost("/graph/v1.0/users/{upn}/sendMail", async (string upn, HttpRequest request, HttpResponse response) =>
        {
            if (Claims(request) is not { } claims)
                return Error(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
            var roles = (claims["roles"] as JsonArray)?.Select(FakeRequests.Str).ToList() ?? [];
            if (!roles.Contains("Mail.Send")) return Error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
            if (FakeEmailRequests.LocalPart(upn).Equals(MissingMailbox, StringComparison.OrdinalIgnoreCase))
                return Error(404, "ErrorInvalidUser", $"The requested user '{upn}' is invalid.");
            if (FakeEmailRequests.LocalPart(upn).Equals(DisabledMailbox, StringComparison.OrdinalIgnoreCase))
                return Error(404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
            if (scripted.TryTake(Provider, out var scriptedResponse)) return ScriptedFailures.Write(scriptedResponse, response);
            var bytes = await FakeEmailRequests.ReadBodyAsync(request);
            if (bytes.Length > MaxRequestBytes) return Error(413, "RequestEntityTooLarge", "The request is larger than the 4 MB limit.");
            if (FakeEmailRequests.ParseObject(bytes) is not { } body || body["message"] is not JsonObject message)
                return Error(400, "ErrorInvalidRequest", "The message parameter is required.");
            if (Check(message) is { } invalid) return Error(400, invalid.Code, invalid.Message);
            var attachmentBytes = (message["attachments"] as JsonArray ?? []).Sum(a => (long)(FakeEmailRequests.Base64Length(FakeRequests.Str(a?["contentBytes"])) ?? 0));
            if (attachmentBytes >= MaxAttachmentBytes)
                return Error(413, "ErrorMessageSizeExceeded", "Attachments of 3 MB or more must be added with an upload session.");
            recorded.Add(Provider, body, filePrefix: "email");
            return Results.StatusCode(202);
        });
    }

    /// <summary>The message checks, returning Graph's code and message, or null.</summary>
    public static (string Code, string Message)? Check(JsonObject message)
    {
        if (message["body"] is not JsonObject body || FakeRequests.Str(body["contentType"])?.ToLowerInvariant() is not ("html" or "text"))
            return ("ErrorInvalidRequest", "body.contentType must be Text or HTML.");
        var recipients = new[] { "toRecipients", "ccRecipients", "bccRecipients" }
            .SelectMany(k => message[k] as JsonArray ?? []).ToList();
        if (recipients.Count == 0 || recipients.Any(r => FakeRequests.Str(r?["emailAddress"]?["address"]) is not { } a || !a.Contains('@')))
            return ("ErrorInvalidRecipients", "At least one recipient isn't valid., A message can't be sent because it contains no recipients.");
        foreach (var a in message["attachments"] as JsonArray ?? [])
        {
            if (FakeRequests.Str(a?["@odata.type"]) != "#microsoft.graph.fileAttachment")
                return ("ErrorInvalidRequest", "Attachments must have @odata.type #microsoft.graph.fileAttachment.");
            if (FakeRequests.Str(a?["name"]) is not { Length: > 0 } || FakeEmailRequests.Base64Length(FakeRequests.Str(a?["contentBytes"])) is null)
                return ("ErrorInvalidRequest", "A fileAttachment needs a name and base64 contentBytes.");
            if (FakeEmailRequests.Bool(a?["isInline"]) == true && FakeRequests.Str(a?["contentId"]) is not { Length: > 0 })
                return ("ErrorInvalidRequest", "An inline attachment needs a contentId.");
        }
        return null;
    }

    private static string Jwt(JsonObject claims)
    {
        var header = Base64Url(Encoding.UTF8.GetBytes("""{"alg":"HS256","typ":"JWT"}"""));
        var payload = Base64Url(Encoding.UTF8.GetBytes(claims.ToJsonString()));
        return $"{header}.{payload}.{Base64Url(HMACSHA256.HashData(SigningKey, Encoding.ASCII.GetBytes($"{header}.{payload}")))}";
    }

    private static JsonObject? Claims(HttpRequest request)
    {
        var authorization = request.Headers.Authorization.ToString();
        if (!authorization.StartsWith("Bearer ", StringComparison.Ordinal)) return null;
        var parts = authorization["Bearer ".Length..].Split('.');
        if (parts.Length != 3) return null;
        var expected = Base64Url(HMACSHA256.HashData(SigningKey, Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}")));
        if (expected != parts[2]) return null;
        var json = parts[1].Replace('-', '+').Replace('_', '/');
        return FakeEmailRequests.ParseObject(Convert.FromBase64String(json.PadRight(json.Length + (4 - json.Length % 4) % 4, '=')));
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static IResult TokenError(int status, string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description, ["error_codes"] = new JsonArray() }, statusCode: status);

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, statusCode: status);
}
