namespace Notifications.Channels.Email.Smtp;

/// <summary>The SMTP channel's settings, as in the product's settings table.</summary>
public sealed record SmtpSettings
{
    public string? Server { get; init; }
    public int? Port { get; init; }
    public string? Username { get; init; }
    [Secret] public string? Password { get; init; }
    /// <summary>STARTTLS (port 587). Required when set: never falls back to plaintext.</summary>
    public bool UseTls { get; init; }
    /// <summary>Implicit TLS from the first byte (port 465).</summary>
    public bool UseSsl { get; init; }
    public string? SenderAddress { get; init; }
    public string? SenderName { get; init; }
    /// <summary>Connect, greeting and authentication timeout in seconds (1-60). Default 15.</summary>
    public int? TimeoutSeconds { get; init; }
    /// <summary>Accept a self-signed server certificate. For test servers only.</summary>
    public bool AllowInvalidCertificate { get; init; }
}
