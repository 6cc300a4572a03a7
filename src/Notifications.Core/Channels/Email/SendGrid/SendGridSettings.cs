namespace Notifications.Channels.Email.SendGrid;

public sealed record SendGridSettings
{
    /// <summary>"SG.&lt;id&gt;.&lt;secret&gt;", with the mail.send scope.</summary>
    [Secret] public string? ApiKey { get; init; }
    /// <summary>A verified Sender Identity (single sender or an authenticated domain).</summary>
    public string? SenderAddress { get; init; }
    public string? SenderName { get; init; }
    /// <summary>Send through the EU region (api.eu.sendgrid.com); needs an EU subuser's key.</summary>
    public bool EuRegion { get; init; }
    /// <summary>Overrides the region's API URL (tests, proxies).</summary>
    public string? BaseUrl { get; init; }
}
