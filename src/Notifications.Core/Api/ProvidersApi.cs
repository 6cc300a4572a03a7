using Notifications.Channels;

namespace Notifications.Api;

/// <summary>Admin API: the providers a channel can use, with the settings each one reads (the form changes with it).</summary>
public sealed class ProvidersApi(ChannelProviderRegistry providers)
{
    public sealed record ProviderView(string Id, ChannelKind Kind, IReadOnlyList<SettingField> Settings);

    public Task<ApiResult> ListAsync(CancellationToken ct) => Task.FromResult(ApiResult.Ok(
        providers.Ids.Select(id => providers.Get(id)).Select(p => new ProviderView(p.Id, p.Kind, p.Fields)).ToList()));
}
