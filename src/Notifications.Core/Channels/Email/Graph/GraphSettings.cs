namespace Notifications.Channels.Email.Graph;

/// <summary>Microsoft Graph sendMail as an app: client credentials (secret) or a managed identity.</summary>
public sealed record GraphSettings
{
    /// <summary>The Entra tenant id (GUID) or a verified domain (contoso.onmicrosoft.com).</summary>
    public string? TenantId { get; init; }
    /// <summary>The app registration's client id; with no client secret, a user-assigned managed identity's client id (or empty for system-assigned).</summary>
    public string? ClientId { get; init; }
    /// <summary>The app's client secret. Without one, the managed identity is used.</summary>
    [Secret] public string? ClientSecret { get; init; }
    /// <summary>The mailbox that sends (UPN or primary SMTP address), used in /users/{upn}/sendMail.</summary>
    public string? SenderUpn { get; init; }
    /// <summary>Default https://login.microsoftonline.com (sovereign clouds: login.microsoftonline.us, login.chinacloudapi.cn).</summary>
    public string? AuthorityUrl { get; init; }
    /// <summary>Default https://graph.microsoft.com (sovereign clouds: graph.microsoft.us, microsoftgraph.chinacloudapi.cn).</summary>
    public string? GraphUrl { get; init; }
}
