using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.Extensions.Options;
using Notifications.Api;
using Notifications.Channels.Webhooks;
using Notifications.Messages;

namespace Notifications.Channels.Email.Graph;

/// <summary>
/// Microsoft Graph POST /users/{upn}/sendMail as an application, each chart a fileAttachment with isInline and a
/// contentId. Raw HTTP rather than the Graph SDK: sendMail is one request, the preview shows its exact body, and the
/// SDK's retry handler would fight the dispatcher's.
/// </summary>
public sealed class GraphEmailSender(EmailHttp http, IOptions<WebhookOptions> options, TimeProvider time) : ChannelProvider<GraphSettings>
{
    public const string DefaultGraphUrl = "https://graph.microsoft.com";
    /// <summary>Graph takes attachments under 3 MB directly in sendMail (larger ones need an upload session); the whole request is kept under it.</summary>
    public const long MaxRequestBytes = 3L * 1024 * 1024;
    private const string Name = "Microsoft Graph";

    public override string Id => "graph";
    public override ChannelKind Kind => ChannelKind.Email;

    /// <summary>Replaced in tests; managed identity needs Azure.</summary>
    internal Func<string?, TokenCredential> ManagedIdentity { get; init; } = EmailCredentials.ManagedIdentity;

    private GraphTokens Tokens => new(http, ManagedIdentity);

    protected override void Validate(GraphSettings s, ValidationProblems problems)
    {
        if (problems.Require("tenantId", s.TenantId, "Tenant id") && !Guid.TryParse(s.TenantId, out _) && !IsDomain(s.TenantId!))
            problems.Error("tenantId", "Use the directory (tenant) id, a GUID, or a verified domain such as contoso.onmicrosoft.com.");
        if (!string.IsNullOrEmpty(s.ClientSecret)) problems.Require("clientId", s.ClientId, "Client id");
        if (!string.IsNullOrWhiteSpace(s.ClientId) && !Guid.TryParse(s.ClientId, out _))
            problems.Error("clientId", "Use the application (client) id, a GUID.");
        if (problems.Require("senderUpn", s.SenderUpn, "Sender mailbox") && !EmailAddresses.IsPlausible(s.SenderUpn))
            problems.Error("senderUpn", "Use the sending mailbox's user principal name or primary address, e.g. reports@contoso.com.");
        EmailEndpoints.Check(s.AuthorityUrl, "authorityUrl", options.Value, problems);
        EmailEndpoints.Check(s.GraphUrl, "graphUrl", options.Value, problems);
    }

    private static bool IsDomain(string s) => s.Contains('.') && Uri.CheckHostName(s) == UriHostNameType.Dns;

    public override void ValidateTarget(string? target, ValidationProblems problems) => EmailAddresses.ValidateRecipients(target, problems);

    protected override async Task<SendResult> SendAsync(GraphSettings s, string? target, NotificationMessage message, CancellationToken ct)
    {
        var token = await Tokens.AcquireAsync(s, GraphUrl(s), ct);
        if (token.Failure is { } failure)
            return failure.TransportError is null && failure.Status is 400 or 401
                ? SendResult.Permanent($"The token endpoint refused the app: {GraphTokens.Describe(failure)}", failure.Status)
                : EmailHttp.Classify(failure, "The token endpoint");
        var response = await PostSendMailAsync(s, token.AccessToken!, Fit(s, target, message), ct);
        return EmailHttp.Classify(response, Name, ErrorCode(response));
    }

    protected override Task<ConnectionTestResult> TestAsync(GraphSettings s, string? recipient, CancellationToken ct) =>
        http.WithinTestTimeoutAsync(Name, budget => RunTestAsync(s, recipient, budget), ct);

    /// <summary>
    /// Without a recipient: a token (proves the credentials), its roles claim (proves Mail.Send as an application
    /// permission), then sendMail with no recipient: Graph resolves the mailbox and checks access, then refuses the empty
    /// recipient list with 400 ErrorInvalidRecipients, which is the success, and nothing is sent.
    /// </summary>
    private async Task<ConnectionTestResult> RunTestAsync(GraphSettings s, string? recipient, CancellationToken ct)
    {
        var token = await Tokens.AcquireAsync(s, GraphUrl(s), ct);
        if (token.Failure is { } failure) return DiagnoseToken(failure);
        if (!token.Roles().Contains("Mail.Send"))
            return new(TestOutcome.PermissionMissing, "The app got a token, but it has no Mail.Send application permission.",
                "In Entra ID > App registrations > API permissions, add Microsoft Graph Mail.Send as an Application permission (not Delegated) and grant admin consent.");
        var sample = EmailContent.From(NotificationMessage.Sample(time.GetUtcNow()), [], 0);
        var response = await PostSendMailAsync(s, token.AccessToken!, Payload(recipient, sample), ct);
        if (recipient is not null)
            return response.IsSuccess
                ? new(TestOutcome.Success, $"Graph accepted the test email from {s.SenderUpn} to {recipient} ({response.Status}).")
                : Diagnose(response);
        if (response.Status == 400 && ErrorCode(response) == "ErrorInvalidRecipients")
            return new(TestOutcome.Success, $"The app can send as {s.SenderUpn} (checked with a request without recipients; no mail was sent).");
        return response.IsSuccess ? new(TestOutcome.Success, $"The app can send as {s.SenderUpn}.") : Diagnose(response);
    }

    private static ConnectionTestResult DiagnoseToken(EmailHttpResponse r)
    {
        if (EmailHttp.CommonOutcome(r, "The Entra token endpoint") is { } common) return common;
        var error = GraphTokens.Describe(r);
        var hint = error switch
        {
            _ when error.Contains("AADSTS7000215", StringComparison.Ordinal) || error.Contains("AADSTS7000222", StringComparison.Ordinal) =>
                "The client secret is wrong or expired: create a new one under Certificates & secrets (use its Value, not its ID).",
            _ when error.Contains("AADSTS700016", StringComparison.Ordinal) => "No app with this client id in this tenant: check the client id and tenant id.",
            _ when error.Contains("AADSTS90002", StringComparison.Ordinal) => "The tenant was not found: check the tenant id.",
            _ => "Check the tenant id, client id and client secret (or the managed identity).",
        };
        return new(TestOutcome.AuthFailure, $"Could not get a token: {error}", hint);
    }

    private static ConnectionTestResult Diagnose(EmailHttpResponse r)
    {
        if (EmailHttp.CommonOutcome(r, Name) is { } common) return common;
        var code = ErrorCode(r);
        var text = $"{code}: {r.JsonString("error", "message") ?? EmailHttp.Shorten(r.Body)}";
        return (r.Status, code) switch
        {
            (_, "MailboxNotEnabledForRESTAPI") => new(TestOutcome.SenderNotVerified, $"Graph cannot send from this mailbox: {text}",
                "The mailbox is not enabled: it needs an Exchange Online license and must not be inactive, soft-deleted, on-premises or a guest."),
            (404, _) => new(TestOutcome.SenderNotVerified, $"Graph did not find the sender mailbox: {text}", "Check the sender UPN."),
            (401, _) => new(TestOutcome.AuthFailure, $"Graph refused the token: {text}", "Check the tenant id and that Graph URL and authority belong to the same cloud."),
            (403, _) => new(TestOutcome.PermissionMissing, $"Graph denied the request: {text}",
                "Graph needs the Mail.Send application permission with admin consent; an Exchange application access policy may also exclude this mailbox."),
            _ => new(TestOutcome.ProviderError, $"Graph answered {r.Status}: {text}", "Check the recipient address."),
        };
    }

    protected override Task<PreviewResult> PreviewAsync(GraphSettings s, string? target, NotificationMessage message, CancellationToken ct) =>
        Task.FromResult(ChartBudget.JsonPreview(Fit(s, target, message)));

    public static JsonObject Fit(GraphSettings s, string? target, NotificationMessage message) =>
        ChartBudget.FitJson(message, MaxRequestBytes, content => Payload(target, content));

    /// <summary>Graph sends one HTML body; Exchange derives the text part for clients that need one.</summary>
    private static JsonObject Payload(string? target, EmailContent content)
    {
        var to = new JsonArray();
        foreach (var r in EmailAddresses.ParseRecipients(target))
        {
            var address = new JsonObject { ["address"] = r.Address };
            if (!string.IsNullOrWhiteSpace(r.Name)) address["name"] = NotificationMessage.SingleLine(r.Name);
            to.Add(new JsonObject { ["emailAddress"] = address });
        }
        var message = new JsonObject
        {
            ["subject"] = content.Subject,
            ["body"] = new JsonObject { ["contentType"] = "HTML", ["content"] = content.Html },
            ["toRecipients"] = to,
        };
        if (content.Charts.Count > 0)
            message["attachments"] = new JsonArray(content.Charts.Select(c => (JsonNode)new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.fileAttachment",
                ["name"] = c.FileName,
                ["contentType"] = "image/png",
                ["contentBytes"] = Convert.ToBase64String(c.Png),
                ["isInline"] = true,
                ["contentId"] = c.ContentId,
            }).ToArray());
        return new JsonObject { ["message"] = message, ["saveToSentItems"] = false };
    }

    private async Task<EmailHttpResponse> PostSendMailAsync(GraphSettings s, string token, JsonObject payload, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(GraphUrl(s), $"v1.0/users/{Uri.EscapeDataString(s.SenderUpn!)}/sendMail"))
        {
            Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await http.SendAsync(request, ct);
    }

    private static Uri GraphUrl(GraphSettings s) => EmailEndpoints.Resolve(s.GraphUrl, DefaultGraphUrl);

    /// <summary>Graph's error bodies: {"error":{"code":"ErrorAccessDenied","message":"…"}}.</summary>
    private static string? ErrorCode(EmailHttpResponse r) => r.IsSuccess ? null : r.JsonString("error", "code");
}
