using Azure.Core;
using Azure.Core.Pipeline;

namespace Notifications.Channels.Email.AzureEmail;

/// <summary>
/// A bearer token from a TokenCredential (managed identity), set per retry. Azure.Core's BearerTokenAuthenticationPolicy
/// refuses http endpoints; the endpoint rule (https, or an allowlisted local host) is enforced when the channel is saved.
/// </summary>
public sealed class AcsTokenPolicy(TokenCredential credential, string scope) : HttpPipelinePolicy
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), message.CancellationToken);
        message.Request.Headers.SetValue("Authorization", $"Bearer {token.Token}");
        await ProcessNextAsync(message, pipeline);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        var token = credential.GetToken(new TokenRequestContext([scope]), message.CancellationToken);
        message.Request.Headers.SetValue("Authorization", $"Bearer {token.Token}");
        ProcessNext(message, pipeline);
    }
}
