using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Notifications.Security;
using Notifications.Storage;

namespace Notifications.Channels;

/// <summary>Channels in Table Storage: PartitionKey "channel", RowKey = channel id. Secrets are one encrypted column.</summary>
public sealed class ChannelRepository(NotificationStorage storage, SecretProtector protector, ILogger<ChannelRepository> logger)
{
    private const string Partition = "channel";

    public async Task<Channel?> FindAsync(string id, CancellationToken ct = default)
    {
        var response = await storage.Channels.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: ct);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task<IReadOnlyList<Channel>> ListAsync(CancellationToken ct = default)
    {
        var list = new List<Channel>();
        await foreach (var e in storage.Channels.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
            list.Add(FromEntity(e));
        return list.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public Task SaveAsync(Channel channel, CancellationToken ct = default) =>
        storage.Channels.UpsertEntityAsync(ToEntity(channel), TableUpdateMode.Replace, ct);

    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        var response = await storage.Channels.DeleteEntityAsync(Partition, id, ETag.All, ct);
        return response.Status != 404;
    }

    private TableEntity ToEntity(Channel c) => new(Partition, c.Id)
    {
        ["Name"] = c.Name,
        ["Kind"] = c.Kind.ToString(),
        ["Provider"] = c.Provider,
        ["Settings"] = c.Settings.ToJsonString(),
        ["Secrets"] = protector.Protect(JsonSerializer.Serialize(c.Secrets), c.Id),
        ["CreatedUtc"] = c.CreatedUtc,
        ["UpdatedUtc"] = c.UpdatedUtc,
    };

    /// <summary>
    /// A channel whose secrets no configured key can open (a key was removed too early) still lists, updates and
    /// deletes; it shows no configured secrets, so an admin can enter them again.
    /// </summary>
    private Dictionary<string, string> ReadSecrets(TableEntity e)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(protector.Unprotect(e.GetString("Secrets"), e.RowKey)) ?? [];
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            logger.LogWarning("Secrets of channel {ChannelId} cannot be decrypted with the configured keys ({ExceptionType}); enter them again",
                e.RowKey, ex.GetType().Name);
            return [];
        }
    }

    private Channel FromEntity(TableEntity e)
    {
        return new Channel(
            e.RowKey,
            e.GetString("Name"),
            Enum.Parse<ChannelKind>(e.GetString("Kind")),
            e.GetString("Provider"),
            JsonNode.Parse(e.GetString("Settings"))!.AsObject(),
            ReadSecrets(e),
            e.GetDateTimeOffset("CreatedUtc") ?? default,
            e.GetDateTimeOffset("UpdatedUtc") ?? default);
    }
}
