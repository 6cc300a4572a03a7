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
    public const int DefaultTimeoutSeconds = 15;

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
        if (s.TimeoutSeconds is < 1 or > 60) problems.Error("timeoutSeconds", "Timeout must be between 1 and 60 seconds.");
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
        catch (Exception e) when (Classify(e, settings) is { } failure && !ct.IsCancellationRequested)
        {
            return failure;
        }
    }

    /// <summary>Without a recipient: connect, EHLO and authenticate, send nothing. With one: send a test email.</summary>
    protected override async Task<ConnectionTestResult> TestAsync(SmtpSettings settings, string? recipient, CancellationToken ct)
    {
        try
        {
            using var client = await ConnectAsync(settings, ct);
            if (recipient is not null)
            {
                var response = await client.SendAsync(BuildMessage(settings, recipient, NotificationMessage.Sample(time.GetUtcNow())), ct);
                await client.DisconnectAsync(true, ct);
                return new ConnectionTestResult(TestOutcome.Success, $"The SMTP server accepted the test email for {recipient}: {response}");
            }
            await client.DisconnectAsync(true, ct);
            return new ConnectionTestResult(TestOutcome.Success,
                $"Connected ({Security(settings)}), said EHLO{(string.IsNullOrEmpty(settings.Username) ? "" : " and authenticated")}; no mail was sent.");
        }
        catch (Exception e) when (Diagnose(e, settings) is { } result && !ct.IsCancellationRequested)
        {
            return result;
        }
    }

    /// <summary>Test outcomes with the troubleshooting table's hints, quoting the server's reply (never the password).</summary>
    private static ConnectionTestResult? Diagnose(Exception e, SmtpSettings s) => e switch
    {
        AuthenticationException => new(TestOutcome.AuthFailure, $"Authentication failed: {e.Message}",
            e.Message.Contains("5.7.8", StringComparison.Ordinal) || e.Message.Contains("5.7.9", StringComparison.Ordinal)
                ? "Google requires an app password (535 5.7.8 / 534 5.7.9): create one under the Google account's Security > App passwords and use it instead of the account password."
                : "Verify the username and password."),
        SslHandshakeException => new(TestOutcome.TlsError, $"The TLS handshake failed ({Security(s)} on port {s.Port}).",
            "Check the TLS/SSL setting against the port: 587 needs TLS, 465 needs SSL."),
        NotSupportedException when s.UseTls => new(TestOutcome.TlsError, "The server does not offer STARTTLS, and the channel never falls back to plaintext.",
            "Check the port: 587 needs TLS, 465 needs SSL; turn TLS off only for a server that has no encryption."),
        OperationCanceledException or TimeoutException => new(TestOutcome.Timeout, $"The server did not answer within {TimeoutOf(s).TotalSeconds:0} s.",
            "Verify the server address, that the port is the SMTP port (587 TLS, 465 SSL, 25 plain), and that the firewall allows outbound SMTP."),
        SmtpCommandException c => new(TestOutcome.ProviderError, $"The server refused: {(int)c.StatusCode} {c.Message}",
            "Check the sender and recipient addresses against the server's reply."),
        SocketException or IOException or SmtpProtocolException or ServiceNotConnectedException => new(TestOutcome.ConnectionFailure, $"Could not connect: {e.Message}",
            "Verify the server address and port, and that the firewall allows outbound SMTP."),
        _ => null,
    };

    protected override Task<PreviewResult> PreviewAsync(SmtpSettings settings, string? target, NotificationMessage message, CancellationToken ct)
    {
        using var stream = new MemoryStream();
        BuildMessage(settings, target, message).WriteTo(stream, ct);
        return Task.FromResult(new PreviewResult("message/rfc822", System.Text.Encoding.UTF8.GetString(stream.ToArray())));
    }

    public MimeMessage BuildMessage(SmtpSettings settings, string? target, NotificationMessage message)
    {
        var mime = new MimeMessage();
        // MimeKit encodes a non-ASCII display name as an RFC 2047 encoded-word.
        mime.From.Add(new MailboxAddress(NotificationMessage.SingleLine(settings.SenderName ?? ""), settings.SenderAddress ?? ""));
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

    private static TimeSpan TimeoutOf(SmtpSettings s) => TimeSpan.FromSeconds(s.TimeoutSeconds ?? DefaultTimeoutSeconds);

    /// <summary>Explicit modes only: STARTTLS fails if the server does not offer it, rather than sending in the clear.</summary>
    private static SecureSocketOptions Mode(SmtpSettings s) =>
        s.UseSsl ? SecureSocketOptions.SslOnConnect : s.UseTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;

    private static string Security(SmtpSettings s) => Mode(s) switch
    {
        SecureSocketOptions.SslOnConnect => "implicit TLS (SSL)",
        SecureSocketOptions.StartTls => "STARTTLS",
        _ => "plain, unencrypted",
    };

    private static async Task<SmtpClient> ConnectAsync(SmtpSettings s, CancellationToken ct)
    {
        var timeout = TimeoutOf(s);
        var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
        if (s.AllowInvalidCertificate) client.ServerCertificateValidationCallback = (_, _, _, _) => true;
        try
        {
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            connectTimeout.CancelAfter(timeout);
            await client.ConnectAsync(s.Server ?? "", s.Port ?? 25, Mode(s), connectTimeout.Token);
            if (!string.IsNullOrEmpty(s.Username))
                await client.AuthenticateAsync(s.Username, s.Password ?? "", connectTimeout.Token);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Maps MailKit's exceptions to permanent or transient failures, quoting the server's reply (never the password).</summary>
    private static SendResult? Classify(Exception e, SmtpSettings s) => e switch
    {
        AuthenticationException => SendResult.Permanent($"Authentication failed: {e.Message}", 535),
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted } c => SendResult.Permanent($"Recipient refused: {(int)c.StatusCode} {c.Message}", (int)c.StatusCode),
        SmtpCommandException c when (int)c.StatusCode >= 500 => SendResult.Permanent($"Server refused the message: {(int)c.StatusCode} {c.Message}", (int)c.StatusCode),
        SmtpCommandException c => SendResult.Transient($"Server deferred the message: {(int)c.StatusCode} {c.Message}", (int)c.StatusCode),
        SmtpProtocolException => SendResult.Transient($"SMTP protocol error: {e.Message}"),
        SslHandshakeException => SendResult.Permanent("TLS handshake failed: check Use TLS / Use SSL against the port (587 TLS, 465 SSL)."),
        NotSupportedException when s.UseTls => SendResult.Permanent("The server does not offer STARTTLS; the channel never falls back to plaintext."),
        SocketException x => SendResult.Transient($"Could not connect: {x.SocketErrorCode}."),
        OperationCanceledException or TimeoutException => SendResult.Transient($"The SMTP server did not answer within {TimeoutOf(s).TotalSeconds:0} s."),
        IOException or ServiceNotConnectedException => SendResult.Transient($"Connection lost: {e.Message}"),
        _ => null,
    };
}
