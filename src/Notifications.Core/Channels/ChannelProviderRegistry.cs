namespace Notifications.Channels;

/// <summary>All registered providers by id.</summary>
public sealed class ChannelProviderRegistry(IEnumerable<IChannelProvider> providers)
{
    private readonly Dictionary<string, IChannelProvider> _byId =
        providers.ToDictionary(p => p.Id, StringComparer.OrdinalIgnoreCase);

    public IEnumerable<string> Ids => _byId.Keys.Order();

    public IChannelProvider? Find(string? id) => id is not null && _byId.TryGetValue(id, out var p) ? p : null;

    public IChannelProvider Get(string id) =>
        Find(id) ?? throw new InvalidOperationException($"No provider '{id}' is registered.");
}
