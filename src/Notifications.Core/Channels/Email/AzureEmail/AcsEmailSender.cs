using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.Extensions.Options;
using Notifications.Api;
using Notifications.Channels.Webhooks;
using Notifications.Messages;

namespace Notifications.Channels.Email.AzureEmail;

/// <summary>
/// Azure Communication Services Email: plain text and HTML, each chart an attachment with a contentId referenced by
/// cid: in the HTML. Requests go through <see cref="AcsEmailClient"/>.
/// </summary>
public sealed class AcsEmailSender(EmailHttp http, IOptions<WebhookOptions> options, TimeProvider time) : ChannelProvider<AcsSettings>
{
    /// <summary>ACS: the total request size, attachments included, is limited to 10 MB.</summary>
    public const long MaxRequestBytes = 10L * 1024 * 1024;
    private const string Name = "Azure Communication Services";
    private static readonly TimeSpan DeliveryWait = TimeSpan.FromSeconds(60);

    public override string Id => "acs";
    public override ChannelKind Kind => ChannelKind.Email;

    /// <summary>Replaced in tests; managed identity needs Azure.</summary>
    internal Func<string?, TokenCredential> Credentials { get; init; } = EmailCredentials.ManagedIdentity;

    /// <summary>The pipeline's pause between retries; short, since the dispatcher handles longer waits.</summary>
    internal TimeSpan RetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    protected override void Validate(AcsSettings s, ValidationProblems problems)
    {
        var hasConnection = !string.IsNullOrWhiteSpace(s.ConnectionString);
        var hasEndpoint = !string.IsNullOrWhiteSpace(s.Endpoint);
        if (hasConnection == hasEndpoint)
            problems.Error(hasConnection ? "endpoint" : "connectionString",
                "Set either a connection string (endpoint=…;accesskey=…), or an endpoint to use with a managed identity, not both.");
        if (hasConnection)
        {
            if (AcsConnectionString.TryParse(s.ConnectionString, out var error) is { } parsed)
                EmailEndpoints.Check(parsed.Endpoint.AbsoluteUri, "connectionString", options.Value, problems);
            else problems.Error("connectionString", error!);
        }
        if (hasEndpoint) EmailEndpoints.Check(s.Endpoint, "endpoint", options.Value, problems);
        if (!string.IsNullOrWhiteSpace(s.ManagedIdentityClientId) && !Guid.TryParse(s.ManagedIdentityClientId, out _))
            problems.Error("managedIdentityClientId", "Must be the identity's client id (a GUID).");
        if (!problems.Require("senderAddress", s.SenderAddress, "Sender address")) return;
        if (s.SenderAddress!.Contains('<') || s.SenderAddress.Contains('>'))
            problems.Error("senderAddress", "Use the bare MailFrom address (DoNotReply@your-domain): ACS refuses \"Name <address>\" with a 400. " +
                "The display name is set on the MailFrom address in Azure.");
        else if (!EmailAddresses.IsPlausible(s.SenderAddress))
            problems.Error("senderAddress", $"'{s.SenderAddress}' is not a valid email address.");
    }

    public override void ValidateTarget(string? target, ValidationProblems problems) => EmailAddresses.ValidateRecipients(target, problems);

    protected override async Task<SendResult> SendAsync(AcsSettings s, string? target, NotificationMessage message, CancellationToken ct)
    {
        var (response, _) = await SendAndWaitAsync(s, Fit(s, target, message), DeliveryWait, ct);
        return Classify(response);
    }

    protected override Task<ConnectionTestResult> TestAsync(AcsSettings s, string? recipient, CancellationToken ct) =>
        http.WithinTestTimeoutAsync(Name, budget => RunTestAsync(s, recipient, budget), ct);

    /// <summary>
    /// Without a recipient: emails:send with no recipient. The service checks the credentials and the sender (its
    /// username and linked domain), then refuses the empty recipient list with a 400: that 400 is the success, and
    /// nothing is sent. With a recipient: a real test email, waited for until the operation ends.
    /// </summary>
    private async Task<ConnectionTestResult> RunTestAsync(AcsSettings s, string? recipient, CancellationToken ct)
    {
        var sample = EmailContent.From(NotificationMessage.Sample(time.GetUtcNow()), [], 0);
        if (recipient is not null)
        {
            var (sent, operationId) = await SendAndWaitAsync(s, Payload(s, recipient, sample), http.Timeout / 2, ct);
            return AcsEmailClient.OperationStatus(sent) switch
            {
                "Succeeded" => new(TestOutcome.Success, $"ACS delivered the test email to {recipient} (operation {operationId})."),
                "Running" or "NotStarted" => new(TestOutcome.Success, $"ACS accepted the test email for {recipient}; operation {operationId} is still running."),
                _ => Diagnose(sent),
            };
        }
        var probe = await StartAsync(s, Payload(s, null, sample), Guid.NewGuid().ToString(), ct);
        if (probe.Status == 400 && IsRecipientError(probe))
            return new(TestOutcome.Success, "ACS accepted the credentials and the sender address (checked with a request without recipients; no mail was sent).");
        if (probe.IsSuccess)
            return new(TestOutcome.Success, "ACS accepted the credentials and the sender address; no recipient was given, so no mail was sent.");
        return Diagnose(probe);
    }

    private static bool IsRecipientError(EmailHttpResponse r) =>
        (r.JsonString("error", "target") ?? "").StartsWith("recipients", StringComparison.OrdinalIgnoreCase)
        || (AcsEmailClient.ErrorMessage(r) ?? "").Contains("recipient", StringComparison.OrdinalIgnoreCase);

    /// <summary>One mapping from ACS's answers (HTTP errors and failed operations) to outcomes and hints.</summary>
    private static ConnectionTestResult Diagnose(EmailHttpResponse r)
    {
        if (EmailHttp.CommonOutcome(r, Name) is { } common) return common;
        var code = AcsEmailClient.ErrorCode(r);
        var text = $"{code}: {AcsEmailClient.ErrorMessage(r) ?? EmailHttp.Shorten(r.Body)}";
        return (r.Status, code) switch
        {
            (_, "DomainNotLinked") => new(TestOutcome.DomainNotLinked, $"ACS refused the sender: {text}",
                "Link the sender's email domain to the Communication Services resource (Email > Domains > Connect domain)."),
            (_, "InvalidSenderUserName" or "SenderNotAllowed") => new(TestOutcome.SenderNotVerified, $"ACS refused the sender: {text}",
                "Use a MailFrom address configured on the linked domain (Email Communication Service > Domains > MailFrom addresses)."),
            (401, _) => new(TestOutcome.AuthFailure, $"ACS refused the credentials: {text}",
                "The connection string is invalid: copy it again from the resource's Keys page (keys change when regenerated). " +
                "With a managed identity, check that the app has one."),
            (403, _) => new(TestOutcome.PermissionMissing, $"ACS refused the request: {text}",
                "Give the managed identity a role that can send email on the Communication Services resource."),
            _ => new(TestOutcome.ProviderError, $"ACS answered {r.Status}: {text}", "Check the sender and recipient addresses."),
        };
    }

    /// <summary>HTTP answers as usual; a Failed or Canceled operation is permanent (its error.code says why).</summary>
    private static SendResult Classify(EmailHttpResponse r)
    {
        var status = AcsEmailClient.OperationStatus(r);
        if (r.IsSuccess && status is "Failed" or "Canceled")
            return SendResult.Permanent($"ACS email operation {status}: {AcsEmailClient.ErrorCode(r)} {AcsEmailClient.ErrorMessage(r)}".TrimEnd(), r.Status);
        var detail = r.IsSuccess ? $"operation {status}" : AcsEmailClient.ErrorCode(r);
        return EmailHttp.Classify(r, Name, detail);
    }

    protected override Task<PreviewResult> PreviewAsync(AcsSettings s, string? target, NotificationMessage message, CancellationToken ct) =>
        Task.FromResult(ChartBudget.JsonPreview(Fit(s, target, message)));

    public static JsonObject Fit(AcsSettings s, string? target, NotificationMessage message) =>
        ChartBudget.FitJson(message, MaxRequestBytes, content => Payload(s, target, content));

    private static JsonObject Payload(AcsSettings s, string? target, EmailContent content)
    {
        var to = new JsonArray();
        foreach (var r in EmailAddresses.ParseRecipients(target))
        {
            var address = new JsonObject { ["address"] = r.Address };
            if (!string.IsNullOrWhiteSpace(r.Name)) address["displayName"] = NotificationMessage.SingleLine(r.Name);
            to.Add(address);
        }
        var payload = new JsonObject
        {
            ["senderAddress"] = s.SenderAddress,
            ["recipients"] = new JsonObject { ["to"] = to },
            ["content"] = new JsonObject { ["subject"] = content.Subject, ["plainText"] = content.PlainText, ["html"] = content.Html },
            ["userEngagementTrackingDisabled"] = true,
        };
        if (content.Charts.Count > 0)
            payload["attachments"] = new JsonArray(content.Charts.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.FileName,
                ["contentType"] = "image/png",
                ["contentInBase64"] = Convert.ToBase64String(c.Png),
                ["contentId"] = c.ContentId,
            }).ToArray());
        return payload;
    }

    private async Task<(EmailHttpResponse Response, string OperationId)> SendAndWaitAsync(AcsSettings s, JsonObject payload, TimeSpan maxWait, CancellationToken ct)
    {
        var operationId = Guid.NewGuid().ToString();
        var client = Client(s);
        var started = await client.StartSendAsync(payload, operationId, ct);
        return started.IsSuccess ? (await client.WaitAsync(started, maxWait, ct), operationId) : (started, operationId);
    }

    private Task<EmailHttpResponse> StartAsync(AcsSettings s, JsonObject payload, string operationId, CancellationToken ct) =>
        Client(s).StartSendAsync(payload, operationId, ct);

    internal AcsEmailClient Client(AcsSettings s)
    {
        if (AcsConnectionString.TryParse(s.ConnectionString, out _) is { } cs)
            return new AcsEmailClient(cs.Endpoint, new AcsHmacPolicy(cs.AccessKey, time), http.CreateClient(), time, RetryDelay, http.Timeout);
        var auth = new AcsTokenPolicy(Credentials(s.ManagedIdentityClientId), AcsEmailClient.TokenScope);
        return new AcsEmailClient(new Uri(s.Endpoint!), auth, http.CreateClient(), time, RetryDelay, http.Timeout);
    }
}
