using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Notifications.Api;
using Notifications.Messages;

namespace Notifications.Channels.Email.Smtp;

/// <summary>SMTP through MailKit: HTML with a plain-text alternative, each chart an inline part referenced by Content-ID.</summary>
public sealed class SmtpEmailSender(TimeProvider time) : ChannelProvider<SmtpSettings>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public override string Id => "smtp";
    public override ChannelKind Kind => ChannelKind.Email;

    protected override void Validate(SmtpSettings s, ValidationProblems problems)
    {
        problems.Require("server", s.Server, "Server");
        if (s.Port is not { } port) problems.Error("port", "Port is required (587 with TLS, 465 with SSL, 25 without either).");
        else if (port is < 1 or > 65535) problems.Error("port", "Port must be between 1 and 65535.");
        if (s.UseTls && s.UseSsl)
            problems.Error("useSsl", "TLS and SSL can't be used together. Use TLS on port 587 and SSL on port 465.");
        else if (s.UseSsl && s.Port is 587 or 25)
            problems.Warning("useSsl", $"SSL on port {s.Port} usually fails: use TLS on port 587, or SSL on port 465.");
        else if (s.UseTls && s.Port is 465 or 25)
            problems.Warning("useTls", $"TLS on port {s.Port} usually fails: use TLS on port 587, or SSL on port 465.");
        if (!string.IsNullOrEmpty(s.Username) && string.IsNullOrEmpty(s.Password))
            problems.Error("password", "A password is required when a username is set.");
        if (problems.Require("senderAddress", s.SenderAddress, "Sender address") && !EmailAddresses.IsPlausible(s.SenderAddress))
            problems.Error("senderAddress", $"'{s.SenderAddress}' is not a valid email address.");
    }

    public override void ValidateTarget(string? target, ValidationProblems problems) =>
        EmailAddresses.ValidateRecipients(target, problems);

    protected override async Task<SendResult> SendAsync(SmtpSettings settings, string? target, NotificationMessage message, CancellationToken ct)
    {
        var mime = BuildMessage(settings, target, message);
        try
        {
            using var client = await ConnectAsync(settings, ct);
            var response = await client.SendAsync(mime, ct);
            await client.DisconnectAsync(true, ct);
            return SendResult.Sent($"Accepted by the SMTP server: {response}", 250);
        }
        catch (Exception e) when (Classify(e) is { } failure)
        {
            return failure;
        }
    }

    /// <summary>Without a recipient: connect, EHLO and authenticate, send nothing. With one: send a test email.</summary>
    protected override async Task<ConnectionTestResult> TestAsync(SmtpSettings settings, string? recipient, CancellationToken ct)
    {
        if (recipient is not null)
        {
            var sent = await SendAsync(settings, recipient, NotificationMessage.Sample(time.GetUtcNow()), ct);
            return sent.Status == SendStatus.Sent
                ? new ConnectionTestResult(TestOutcome.Success, sent.Detail)
                : new ConnectionTestResult(TestOutcome.ProviderError, sent.Detail, "Check the recipient address and the server's reply above.");
        }
        try
        {
            using var client = await ConnectAsync(settings, ct);
            await client.DisconnectAsync(true, ct);
            return new ConnectionTestResult(TestOutcome.Success, "Connected and authenticated; no mail was sent.");
        }
        catch (AuthenticationException e)
        {
            var google = e.Message.Contains("5.7.8", StringComparison.Ordinal) || e.Message.Contains("5.7.9", StringComparison.Ordinal);
            return new ConnectionTestResult(TestOutcome.AuthFailure, $"Authentication failed: {e.Message}",
                google ? "Google requires an app password: create one in the Google account's security settings."
                       : "Verify the username and password.");
        }
        catch (SslHandshakeException)
        {
            return new ConnectionTestResult(TestOutcome.TlsError, "The TLS handshake failed.",
                "Check the TLS/SSL setting against the port: 587 needs TLS, 465 needs SSL.");
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException && !ct.IsCancellationRequested)
        {
            return new ConnectionTestResult(TestOutcome.Timeout, $"The server did not answer within {Timeout.TotalSeconds:0} s.",
                "Verify the network connection and that the port is the SMTP port.");
        }
        catch (Exception e) when (e is SocketException or IOException or SmtpProtocolException)
        {
            return new ConnectionTestResult(TestOutcome.ConnectionFailure, $"Could not connect: {e.Message}",
                "Verify the server address and port, and that the firewall allows outbound SMTP.");
        }
    }

    protected override Task<PreviewResult> PreviewAsync(SmtpSettings settings, string? target, NotificationMessage message, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        BuildMessage(settings, target, message).WriteTo(stream, ct);
        return Task.FromResult(new PreviewResult("message/rfc822", System.Text.Encoding.UTF8.GetString(stream.ToArray())));
    }

    public MimeMessage BuildMessage(SmtpSettings settings, string? target, NotificationMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.SenderName ?? "", settings.SenderAddress ?? ""));
        mime.To.AddRange(EmailAddresses.ParseRecipients(target));
        mime.Subject = message.Title;
        mime.Date = time.GetUtcNow();
        var body = new BodyBuilder
        {
            HtmlBody = EmailBody.Html(message, message.Charts),
            TextBody = EmailBody.PlainText(message, message.Charts.Count),
        };
        foreach (var chart in message.Charts)
        {
            var part = body.LinkedResources.Add(chart.FileName, chart.Png, new ContentType("image", "png"));
            part.ContentId = chart.ContentId;
        }
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static async Task<SmtpClient> ConnectAsync(SmtpSettings s, CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
        if (s.AllowInvalidCertificate) client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        // Explicit modes only: StartTls fails if the server does not offer it, rather than sending in the clear.
        var security = s.UseSsl ? SecureSocketOptions.SslOnConnect : s.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        connectTimeout.CancelAfter(Timeout);
        await client.ConnectAsync(s.Server ?? "", s.Port ?? 25, security, connectTimeout.Token);
        if (!string.IsNullOrEmpty(s.Username))
            await client.AuthenticateAsync(s.Username, s.Password ?? "", connectTimeout.Token);
        return client;
    }

    /// <summary>Maps MailKit's exceptions to permanent or transient failures, quoting the server's reply (never the password).</summary>
    private static SendResult? Classify(Exception e) => e switch
    {
        AuthenticationException => SendResult.Permanent($"Authentication failed: {e.Message}", 535),
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } c => SendResult.Permanent($"Recipient refused: {c.StatusCode} {c.Message}", (int)c.StatusCode),
        SmtpCommandException c when (int)c.StatusCode >= 500 => SendResult.Permanent($"Server refused the message: {(int)c.StatusCode} {c.Message}", (int)c.StatusCode),
        SmtpCommandException c => SendResult.Transient($"Server deferred the message: {(int)c.StatusCode} {c.Message}", (int)c.StatusCode),
        SmtpProtocolException => SendResult.Transient($"SMTP protocol error: {e.Message}"),
        SslHandshakeException => SendResult.Permanent("TLS handshake failed: check Use TLS / Use SSL against the port (587 TLS, 465 SSL)."),
        SocketException s => SendResult.Transient($"Could not connect: {s.SocketErrorCode}."),
        OperationCanceledException or TimeoutException => SendResult.Transient($"The SMTP server did not answer within {Timeout.TotalSeconds:0} s."),
        IOException or ServiceNotConnectedException => SendResult.Transient($"Connection lost: {e.Message}"),
        _ => null,
    };
}
