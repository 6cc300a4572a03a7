using Azure.Core;
using Azure.Identity;

namespace Notifications.Channels.Email;

/// <summary>The managed identity the ACS and Graph providers use when no secret is configured.</summary>
public static class EmailCredentials
{
    /// <param name="clientId">A user-assigned identity's client id; empty for the system-assigned identity.</param>
    public static TokenCredential ManagedIdentity(string? clientId) =>
        new ManagedIdentityCredential(string.IsNullOrWhiteSpace(clientId) ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(clientId));
}
