using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Notifications.Storage;

namespace Notifications.Schedules;

/// <summary>
/// The schedules ordered by next run: PartitionKey "due", RowKey "{nextRunUtc:yyyyMMddTHHmmssZ}|{scheduleId}".
/// The ticker reads one key range (everything up to now) instead of scanning every schedule.
/// </summary>
public sealed class DueScheduleIndex(NotificationStorage storage)
{
    private const string Partition = "due";

    public sealed record Entry(string RowKey, string ScheduleId, string DueKey);

    public static string DueKey(DateTimeOffset utc) =>
        utc.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    public Task AddAsync(string scheduleId, DateTimeOffset dueUtc, CancellationToken ct = default) =>
        storage.DueIndex.UpsertEntityAsync(
            new TableEntity(Partition, $"{DueKey(dueUtc)}|{scheduleId}") { ["ScheduleId"] = scheduleId },
            TableUpdateMode.Replace, ct);

    public Task RemoveAsync(string scheduleId, DateTimeOffset dueUtc, CancellationToken ct = default) =>
        storage.DueIndex.DeleteEntityAsync(Partition, $"{DueKey(dueUtc)}|{scheduleId}", ETag.All, ct);

    public Task RemoveAsync(Entry entry, CancellationToken ct = default) =>
        storage.DueIndex.DeleteEntityAsync(Partition, entry.RowKey, ETag.All, ct);

    /// <summary>Entries due at or before <paramref name="nowUtc"/>, oldest first.</summary>
    public async IAsyncEnumerable<Entry> DueAsync(DateTimeOffset nowUtc, [EnumeratorCancellation] CancellationToken ct = default)
    {
        // '~' sorts after '|', so every key of this second or earlier is below the bound.
        var upper = DueKey(nowUtc) + "~";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey lt {upper}");
        await foreach (var e in storage.DueIndex.QueryAsync<TableEntity>(filter, select: ["RowKey", "ScheduleId"], cancellationToken: ct))
        {
            var bar = e.RowKey.IndexOf('|');
            yield return new Entry(e.RowKey, e.GetString("ScheduleId"), e.RowKey[..bar]);
        }
    }
}
