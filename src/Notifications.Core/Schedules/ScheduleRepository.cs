using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Notifications.Storage;

namespace Notifications.Schedules;

/// <summary>Schedules in Table Storage: PartitionKey "schedule", RowKey = schedule id. Notifications are a JSON column.</summary>
public sealed class ScheduleRepository(NotificationStorage storage)
{
    private const string Partition = "schedule";
    private static readonly JsonSerializerOptions Json = QueueMessageJson.Options;

    public async Task<Schedule?> FindAsync(string id, CancellationToken ct = default)
    {
        var response = await storage.Schedules.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: ct);
        return response.HasValue ? FromEntity(response.Value!) : null;
    }

    public async Task<IReadOnlyList<Schedule>> ListAsync(CancellationToken ct = default)
    {
        var list = new List<Schedule>();
        await foreach (var e in storage.Schedules.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
            list.Add(FromEntity(e));
        return list.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public Task AddAsync(Schedule schedule, CancellationToken ct = default) =>
        storage.Schedules.AddEntityAsync(ToEntity(schedule), ct);

    /// <summary>Replaces the schedule only if it still has <paramref name="etag"/>. False when someone else changed it first.</summary>
    public async Task<bool> TryReplaceAsync(Schedule schedule, ETag etag, CancellationToken ct = default)
    {
        try
        {
            await storage.Schedules.UpdateEntityAsync(ToEntity(schedule), etag, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken ct = default)
    {
        var response = await storage.Schedules.DeleteEntityAsync(Partition, id, ETag.All, ct);
        return response.Status != 404;
    }

    private static TableEntity ToEntity(Schedule s) => new(Partition, s.Id)
    {
        ["Name"] = s.Name,
        ["Prompt"] = s.Prompt,
        ["Cron"] = s.Cron,
        ["TimeZone"] = s.TimeZone,
        ["Enabled"] = s.Enabled,
        ["Notifications"] = JsonSerializer.Serialize(s.Notifications, Json),
        ["NextRunUtc"] = s.NextRunUtc,
        ["LastOccurrenceUtc"] = s.LastOccurrenceUtc,
        ["CreatedUtc"] = s.CreatedUtc,
        ["UpdatedUtc"] = s.UpdatedUtc,
    };

    private static Schedule FromEntity(TableEntity e) => new(
        e.RowKey,
        e.GetString("Name"),
        e.GetString("Prompt"),
        e.GetString("Cron"),
        e.GetString("TimeZone"),
        e.GetBoolean("Enabled") ?? true,
        JsonSerializer.Deserialize<List<NotificationRule>>(e.GetString("Notifications"), Json) ?? [],
        e.GetDateTimeOffset("NextRunUtc"),
        e.GetDateTimeOffset("LastOccurrenceUtc"),
        e.GetDateTimeOffset("CreatedUtc") ?? default,
        e.GetDateTimeOffset("UpdatedUtc") ?? default,
        e.ETag);
}
