using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Identity;

namespace Notifications.Channels.Email.Graph;

/// <summary>An app token for Graph, or the token endpoint's answer when there is none.</summary>
public sealed record GraphToken(string? AccessToken, EmailHttpResponse? Failure)
{
    /// <summary>The application permissions in the token's roles claim (app tokens carry them there, not in scp).</summary>
    public IReadOnlySet<string> Roles()
    {
        var parts = AccessToken?.Split('.') ?? [];
        if (parts.Length < 2) return new HashSet<string>();
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=');
            var claims = JsonNode.Parse(Convert.FromBase64String(payload));
            return (claims?["roles"] as JsonArray)?.Select(r => r?.GetValue<string>() ?? "").ToHashSet(StringComparer.Ordinal) ?? [];
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return new HashSet<string>();
        }
    }
}

/// <summary>Client-credentials tokens from the Entra token endpoint (raw HTTP), or a managed identity's.</summary>
public sealed class GraphTokens(EmailHttp http, Func<string?, TokenCredential> managedIdentity)
{
    public const string DefaultAuthority = "https://login.microsoftonline.com";

    public async Task<GraphToken> AcquireAsync(GraphSettings s, Uri graphUrl, CancellationToken ct)
    {
        var scope = new Uri(graphUrl, ".default").AbsoluteUri;
        if (string.IsNullOrEmpty(s.ClientSecret)) return await ManagedIdentityAsync(s, scope, ct);
        var authority = EmailEndpoints.Resolve(s.AuthorityUrl, DefaultAuthority);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(authority, $"{Uri.EscapeDataString(s.TenantId!)}/oauth2/v2.0/token"))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = s.ClientId!,
                ["client_secret"] = s.ClientSecret,
                ["scope"] = scope,
            }),
        };
        var response = await http.SendAsync(request, ct);
        var token = response.IsSuccess ? response.JsonString("access_token") : null;
        return token is not null ? new GraphToken(token, null) : new GraphToken(null, response);
    }

    private async Task<GraphToken> ManagedIdentityAsync(GraphSettings s, string scope, CancellationToken ct)
    {
        try
        {
            var token = await managedIdentity(s.ClientId).GetTokenAsync(new TokenRequestContext([scope]), ct);
            return new GraphToken(token.Token, null);
        }
        catch (AuthenticationFailedException e)
        {
            var body = new JsonObject { ["error"] = "managed_identity_unavailable", ["error_description"] = e.Message.Split('\n')[0] };
            return new GraphToken(null, new EmailHttpResponse(401, body.ToJsonString(), null, new Dictionary<string, string>(), null, null));
        }
    }

    /// <summary>The token endpoint's error: {"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret …"}.</summary>
    public static string Describe(EmailHttpResponse r)
    {
        var error = r.JsonString("error");
        var description = r.JsonString("error_description")?.Split(['\r', '\n'])[0];
        return error is null ? r.Summary : $"{error}: {description}";
    }
}
