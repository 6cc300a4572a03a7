using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Notifications.Deliveries;
using Notifications.Schedules;
using Notifications.Storage;

namespace Notifications.Runs;

/// <summary>
/// Runs and their deliveries share one partition per run in the Runs table:
/// PartitionKey = run id; RowKey "run" for the run, "delivery|{notificationId}" for each delivery.
/// Reading a run with its deliveries is one partition query.
/// </summary>
public sealed class RunRepository(NotificationStorage storage)
{
    private const string RunRow = "run";
    private const string DeliveryPrefix = "delivery|";
    private static readonly JsonSerializerOptions Json = QueueMessageJson.Options;

    /// <summary>Creates the run. False if it already exists (a duplicate request), with the existing run.</summary>
    public async Task<(bool Created, Run Run)> TryStartAsync(Run run, CancellationToken ct = default)
    {
        try
        {
            await storage.Runs.AddEntityAsync(ToEntity(run), ct);
            return (true, run);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return (false, (await FindAsync(run.Id, ct))!);
        }
    }

    public Task SaveAsync(Run run, CancellationToken ct = default) =>
        storage.Runs.UpsertEntityAsync(ToEntity(run), TableUpdateMode.Replace, ct);

    public async Task<Run?> FindAsync(string runId, CancellationToken ct = default)
    {
        var response = await storage.Runs.GetEntityIfExistsAsync<TableEntity>(runId, RunRow, cancellationToken: ct);
        return response.HasValue ? RunFromEntity(response.Value!) : null;
    }

    public async Task<(Run? Run, IReadOnlyList<Delivery> Deliveries)> FindWithDeliveriesAsync(string runId, CancellationToken ct = default)
    {
        Run? run = null;
        var deliveries = new List<Delivery>();
        await foreach (var e in storage.Runs.QueryAsync<TableEntity>(e => e.PartitionKey == runId, cancellationToken: ct))
        {
            if (e.RowKey == RunRow) run = RunFromEntity(e);
            else if (e.RowKey.StartsWith(DeliveryPrefix, StringComparison.Ordinal)) deliveries.Add(DeliveryFromEntity(e).Delivery);
        }
        return (run, deliveries);
    }

    /// <summary>Adds a delivery unless one exists already (a re-processed run keeps its ledger).</summary>
    public async Task<bool> TryAddDeliveryAsync(Delivery delivery, CancellationToken ct = default)
    {
        try
        {
            await storage.Runs.AddEntityAsync(ToEntity(delivery), ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<(Delivery Delivery, ETag ETag)?> FindDeliveryAsync(string runId, string notificationId, CancellationToken ct = default)
    {
        var response = await storage.Runs.GetEntityIfExistsAsync<TableEntity>(runId, DeliveryPrefix + notificationId, cancellationToken: ct);
        return response.HasValue ? DeliveryFromEntity(response.Value!) : null;
    }

    /// <summary>Records a delivery's new state only if nobody else changed it since it was read.</summary>
    public async Task<bool> TryUpdateDeliveryAsync(Delivery delivery, ETag etag, CancellationToken ct = default)
    {
        try
        {
            await storage.Runs.UpdateEntityAsync(ToEntity(delivery), etag, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(Run r) => new(r.Id, RunRow)
    {
        ["ScheduleId"] = r.ScheduleId,
        ["ScheduleName"] = r.ScheduleName,
        ["Prompt"] = r.Prompt,
        ["Trigger"] = r.Trigger,
        ["Status"] = r.Status.ToString(),
        ["Error"] = r.Error,
        ["ResultBlob"] = r.ResultBlob,
        ["Charts"] = JsonSerializer.Serialize(r.Charts, Json),
        ["OmittedCharts"] = r.OmittedCharts,
        ["StartedUtc"] = r.StartedUtc,
        ["CompletedUtc"] = r.CompletedUtc,
        ["TimeZone"] = r.TimeZone,
    };

    private static Run RunFromEntity(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("ScheduleId"),
        e.GetString("ScheduleName"),
        e.GetString("Prompt"),
        e.GetString("Trigger"),
        Enum.Parse<RunStatus>(e.GetString("Status")),
        e.GetString("Error"),
        e.GetString("ResultBlob"),
        JsonSerializer.Deserialize<List<ChartRef>>(e.GetString("Charts") ?? "[]", Json) ?? [],
        e.GetInt32("OmittedCharts") ?? 0,
        e.GetDateTimeOffset("StartedUtc") ?? default,
        e.GetDateTimeOffset("CompletedUtc")) { TimeZone = e.GetString("TimeZone") };

    private static TableEntity ToEntity(Delivery d) => new(d.RunId, DeliveryPrefix + d.NotificationId)
    {
        ["ChannelId"] = d.ChannelId,
        ["Provider"] = d.Provider,
        ["Target"] = d.Target,
        ["Condition"] = d.Condition.ToString(),
        ["Status"] = d.Status.ToString(),
        ["Attempts"] = d.Attempts,
        ["Detail"] = d.Detail,
        ["ProviderStatus"] = d.ProviderStatus,
        ["UpdatedUtc"] = d.UpdatedUtc,
    };

    private static (Delivery Delivery, ETag ETag) DeliveryFromEntity(TableEntity e) => (new Delivery(
        e.PartitionKey,
        e.RowKey[DeliveryPrefix.Length..],
        e.GetString("ChannelId"),
        e.GetString("Provider"),
        e.GetString("Target"),
        Enum.Parse<TriggerCondition>(e.GetString("Condition")),
        Enum.Parse<DeliveryStatus>(e.GetString("Status")),
        e.GetInt32("Attempts") ?? 0,
        e.GetString("Detail"),
        e.GetInt32("ProviderStatus"),
        e.GetDateTimeOffset("UpdatedUtc") ?? default), e.ETag);
}
