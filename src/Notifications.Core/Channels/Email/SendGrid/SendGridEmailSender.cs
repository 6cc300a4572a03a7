using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Notifications.Api;
using Notifications.Channels.Webhooks;
using Notifications.Messages;

namespace Notifications.Channels.Email.SendGrid;

/// <summary>
/// SendGrid v3 Mail Send (POST /v3/mail/send) over HttpClient: text and HTML content, each chart an attachment with
/// disposition inline and a content_id. Raw HTTP rather than the SendGrid SDK: the request body is what the preview
/// shows, and the SDK's own retry handler would fight the dispatcher's.
/// </summary>
public sealed class SendGridEmailSender(EmailHttp http, IOptions<WebhookOptions> options, TimeProvider time) : ChannelProvider<SendGridSettings>
{
    public const string DefaultUrl = "https://api.sendgrid.com";
    public const string EuUrl = "https://api.eu.sendgrid.com";
    /// <summary>SendGrid: "The total size of your email, including attachments, must be less than 30MB."</summary>
    public const long MaxRequestBytes = 30L * 1024 * 1024;
    private const string Name = "SendGrid";

    public override string Id => "sendgrid";
    public override ChannelKind Kind => ChannelKind.Email;

    protected override void Validate(SendGridSettings s, ValidationProblems problems)
    {
        if (problems.Require("apiKey", s.ApiKey, "API key") && !LooksLikeKey(s.ApiKey!))
            problems.Error("apiKey", "A SendGrid API key looks like SG.<id>.<secret>: copy it from Settings > API Keys.");
        if (problems.Require("senderAddress", s.SenderAddress, "Sender address") && !EmailAddresses.IsPlausible(s.SenderAddress))
            problems.Error("senderAddress", $"'{s.SenderAddress}' is not a valid email address.");
        EmailEndpoints.Check(s.BaseUrl, "baseUrl", options.Value, problems);
    }

    private static bool LooksLikeKey(string key) =>
        key.StartsWith("SG.", StringComparison.Ordinal) && key.Split('.') is { Length: 3 } parts && parts[1].Length > 0 && parts[2].Length > 0
        && !key.Any(char.IsWhiteSpace);

    public override void ValidateTarget(string? target, ValidationProblems problems) => EmailAddresses.ValidateRecipients(target, problems);

    protected override async Task<SendResult> SendAsync(SendGridSettings s, string? target, NotificationMessage message, CancellationToken ct)
    {
        var response = await PostMailAsync(s, Fit(s, target, message), ct);
        return EmailHttp.Classify(response, Name, ErrorMessage(response) is { } e ? e : MessageId(response));
    }

    protected override Task<ConnectionTestResult> TestAsync(SendGridSettings s, string? recipient, CancellationToken ct) =>
        http.WithinTestTimeoutAsync(Name, budget => RunTestAsync(s, recipient, budget), ct);

    /// <summary>
    /// Without a recipient: GET /v3/scopes proves the key and its mail.send scope; a sandbox-mode Mail Send (validated,
    /// never delivered) proves the sender identity. With a recipient: a real test email.
    /// </summary>
    private async Task<ConnectionTestResult> RunTestAsync(SendGridSettings s, string? recipient, CancellationToken ct)
    {
        if (recipient is not null)
        {
            var sent = await PostMailAsync(s, Payload(s, recipient, EmailContent.From(NotificationMessage.Sample(time.GetUtcNow()), [], 0)), ct);
            return sent.IsSuccess
                ? new ConnectionTestResult(TestOutcome.Success, $"SendGrid accepted the test email for {recipient} ({sent.Status}, {MessageId(sent)}).")
                : Diagnose(sent);
        }
        using (var scopesRequest = Request(s, HttpMethod.Get, "v3/scopes"))
        {
            var scopes = await http.SendAsync(scopesRequest, ct);
            if (!scopes.IsSuccess) return Diagnose(scopes);
            var granted = (scopes.Json()?["scopes"] as JsonArray)?.Select(n => n?.ToString()).ToHashSet() ?? [];
            if (!granted.Contains("mail.send"))
                return new ConnectionTestResult(TestOutcome.PermissionMissing, "The API key is valid but lacks the mail.send permission.",
                    "Edit the key in SendGrid (Settings > API Keys) and give it Mail Send access, or create a key with it.");
        }
        // Sandbox mode: SendGrid validates the whole request, sender identity included, and delivers nothing.
        var payload = Payload(s, s.SenderAddress, EmailContent.From(NotificationMessage.Sample(time.GetUtcNow()), [], 0));
        payload["mail_settings"] = new JsonObject { ["sandbox_mode"] = new JsonObject { ["enable"] = true } };
        var sandbox = await PostMailAsync(s, payload, ct);
        return sandbox.IsSuccess
            ? new ConnectionTestResult(TestOutcome.Success, "The API key can send as the sender address (checked in sandbox mode; no mail was sent).")
            : Diagnose(sandbox);
    }

    /// <summary>One mapping from SendGrid's answers to outcomes and hints, for Test Connection and Send Test Email.</summary>
    private static ConnectionTestResult Diagnose(EmailHttpResponse r)
    {
        if (EmailHttp.CommonOutcome(r, Name) is { } common) return common;
        var error = ErrorMessage(r) ?? r.Summary;
        return r.Status switch
        {
            401 => new(TestOutcome.AuthFailure, $"SendGrid refused the API key: {error}",
                "Check the API key: it may be mistyped, deleted, or from the other region (EU keys need the EU region setting)."),
            403 when error.Contains("Sender Identity", StringComparison.OrdinalIgnoreCase) => new(TestOutcome.SenderNotVerified,
                $"SendGrid refused the sender: {error}", "Verify the sender address in SendGrid (Settings > Sender Authentication), or use a verified one."),
            403 => new(TestOutcome.PermissionMissing, $"SendGrid refused the request: {error}",
                "The API key lacks the mail.send permission: give it Mail Send access in Settings > API Keys."),
            413 => new(TestOutcome.ProviderError, $"SendGrid refused the message as too large: {error}", "Keep the email under 30 MB."),
            _ => new(TestOutcome.ProviderError, $"SendGrid answered {r.Status}: {error}", "Check the sender and recipient addresses."),
        };
    }

    protected override Task<PreviewResult> PreviewAsync(SendGridSettings s, string? target, NotificationMessage message, CancellationToken ct) =>
        Task.FromResult(ChartBudget.JsonPreview(Fit(s, target, message)));

    /// <summary>The request body, with charts dropped last-first while it is over 30 MB.</summary>
    public static JsonObject Fit(SendGridSettings s, string? target, NotificationMessage message) =>
        ChartBudget.FitJson(message, MaxRequestBytes, content => Payload(s, target, content));

    private static JsonObject Payload(SendGridSettings s, string? target, EmailContent content)
    {
        var to = new JsonArray();
        foreach (var r in EmailAddresses.ParseRecipients(target)) to.Add(Address(r.Address, r.Name));
        var payload = new JsonObject
        {
            ["personalizations"] = new JsonArray(new JsonObject { ["to"] = to }),
            ["from"] = Address(s.SenderAddress!, s.SenderName),
            ["subject"] = content.Subject,
            // SendGrid requires text/plain before text/html.
            ["content"] = new JsonArray(
                new JsonObject { ["type"] = "text/plain", ["value"] = content.PlainText },
                new JsonObject { ["type"] = "text/html", ["value"] = content.Html }),
        };
        if (content.Charts.Count > 0)
            payload["attachments"] = new JsonArray(content.Charts.Select(c => (JsonNode)new JsonObject
            {
                ["content"] = Convert.ToBase64String(c.Png),
                ["type"] = "image/png",
                ["filename"] = c.FileName,
                ["disposition"] = "inline",
                ["content_id"] = c.ContentId,
            }).ToArray());
        return payload;
    }

    private static JsonObject Address(string email, string? name)
    {
        var o = new JsonObject { ["email"] = email };
        if (!string.IsNullOrWhiteSpace(name)) o["name"] = NotificationMessage.SingleLine(name);
        return o;
    }

    private async Task<EmailHttpResponse> PostMailAsync(SendGridSettings s, JsonObject payload, CancellationToken ct)
    {
        using var request = Request(s, HttpMethod.Post, "v3/mail/send");
        request.Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json");
        return await http.SendAsync(request, ct);
    }

    private static HttpRequestMessage Request(SendGridSettings s, HttpMethod method, string path)
    {
        var baseUrl = EmailEndpoints.Resolve(s.BaseUrl, s.EuRegion ? EuUrl : DefaultUrl);
        var request = new HttpRequestMessage(method, new Uri(baseUrl, path));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", s.ApiKey);
        return request;
    }

    /// <summary>SendGrid's error bodies: {"errors":[{"message":"…","field":"from","help":null}]}.</summary>
    private static string? ErrorMessage(EmailHttpResponse r) =>
        r.IsSuccess ? null
        : (r.Json()?["errors"] as JsonArray)?.OfType<JsonObject>().Select(e => e["message"]?.ToString()).FirstOrDefault(m => m is not null);

    private static string MessageId(EmailHttpResponse r) => r.Header("X-Message-Id") is { } id ? $"message id {id}" : "no message id";
}
