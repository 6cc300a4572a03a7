using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Notifications.Storage;

/// <summary>The clients for every table, queue and container, built once from one connection.</summary>
public sealed class NotificationStorage
{
    public NotificationStorage(TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs)
    {
        Channels = tables.GetTableClient(StorageNames.ChannelsTable);
        Schedules = tables.GetTableClient(StorageNames.SchedulesTable);
        DueIndex = tables.GetTableClient(StorageNames.DueIndexTable);
        Runs = tables.GetTableClient(StorageNames.RunsTable);
        RunQueue = queues.GetQueueClient(StorageNames.RunQueue);
        DeliveryQueue = queues.GetQueueClient(StorageNames.DeliveryQueue);
        Queues = queues;
        Results = blobs.GetBlobContainerClient(StorageNames.ResultsContainer);
        Charts = blobs.GetBlobContainerClient(StorageNames.ChartsContainer);
        Blobs = blobs;
    }

    public TableClient Channels { get; }
    public TableClient Schedules { get; }
    public TableClient DueIndex { get; }
    public TableClient Runs { get; }
    public QueueClient RunQueue { get; }
    public QueueClient DeliveryQueue { get; }
    public QueueServiceClient Queues { get; }
    public BlobContainerClient Results { get; }
    public BlobContainerClient Charts { get; }
    public BlobServiceClient Blobs { get; }

    public QueueClient PoisonQueueFor(QueueClient queue) => Queues.GetQueueClient(queue.Name + StorageNames.PoisonSuffix);

    /// <summary>Creates what is missing. In Azure the Bicep template has already created everything.</summary>
    public async Task EnsureCreatedAsync(CancellationToken ct = default)
    {
        foreach (var table in new[] { Channels, Schedules, DueIndex, Runs })
            await table.CreateIfNotExistsAsync(ct);
        foreach (var queue in new[] { RunQueue, DeliveryQueue })
        {
            await queue.CreateIfNotExistsAsync(cancellationToken: ct);
            await PoisonQueueFor(queue).CreateIfNotExistsAsync(cancellationToken: ct);
        }
        await Results.CreateIfNotExistsAsync(cancellationToken: ct);
        await Charts.CreateIfNotExistsAsync(cancellationToken: ct);
    }

    /// <summary>
    /// Reads the connection the way the Functions host does: <c>NotificationStorage</c> as a connection string,
    /// or <c>NotificationStorage:tableServiceUri</c> / <c>queueServiceUri</c> / <c>blobServiceUri</c> with a managed identity.
    /// </summary>
    public static NotificationStorage FromConfiguration(IConfiguration configuration)
    {
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        var connectionString = configuration[StorageNames.ConnectionName]
            ?? configuration.GetConnectionString(StorageNames.ConnectionName);
        if (!string.IsNullOrWhiteSpace(connectionString))
            return FromConnectionString(connectionString);

        var section = configuration.GetSection(StorageNames.ConnectionName);
        var clientId = section["clientId"];
        TokenCredential credential = string.IsNullOrEmpty(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
        Uri Required(string key) => Uri.TryCreate(section[key], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"Configuration '{StorageNames.ConnectionName}' needs a connection string or '{StorageNames.ConnectionName}:{key}'.");
        return new NotificationStorage(
            new TableServiceClient(Required("tableServiceUri"), credential),
            new QueueServiceClient(Required("queueServiceUri"), credential, queueOptions),
            new BlobServiceClient(Required("blobServiceUri"), credential));
    }

    public static NotificationStorage FromConnectionString(string connectionString) => new(
        new TableServiceClient(connectionString),
        new QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }),
        new BlobServiceClient(connectionString));
}
