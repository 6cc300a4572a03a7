namespace Notifications.Channels.Email.AzureEmail;

/// <summary>Azure Communication Services Email: a connection string, or an endpoint with a managed identity.</summary>
public sealed record AcsSettings
{
    /// <summary>"endpoint=https://&lt;resource&gt;.communication.azure.com/;accesskey=&lt;base64&gt;" from the resource's Keys page.</summary>
    [Secret] public string? ConnectionString { get; init; }
    /// <summary>The resource endpoint, used with a managed identity instead of a connection string.</summary>
    public string? Endpoint { get; init; }
    /// <summary>A user-assigned identity's client id; empty means the system-assigned identity.</summary>
    public string? ManagedIdentityClientId { get; init; }
    /// <summary>A bare MailFrom address of a linked domain, e.g. DoNotReply@&lt;guid&gt;.azurecomm.net.</summary>
    public string? SenderAddress { get; init; }
}
