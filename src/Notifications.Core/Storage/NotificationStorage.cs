using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Specialized;
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
        var queueOptions = QueueOptions();
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
        new QueueServiceClient(connectionString, QueueOptions()),
        new BlobServiceClient(connectionString));

    /// <summary>
    /// Base64 messages, as the Functions queue trigger expects. A message that is not Base64 makes the whole receive throw,
    /// so its batch would never be handled and it would come back forever; like the Functions host, move it to the
    /// poison queue instead (the SDK then leaves it out of the batch).
    /// </summary>
    private static QueueClientOptions QueueOptions()
    {
        var options = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        options.MessageDecodingFailed += MoveUndecodableToPoisonAsync;
        return options;
    }

    private static async Task MoveUndecodableToPoisonAsync(QueueMessageDecodingFailedEventArgs args)
    {
        if (args.ReceivedMessage is not { } message) return; // a peek: nothing to move
        var queue = args.Queue;
        var poison = queue.GetParentQueueServiceClient().GetQueueClient(queue.Name + StorageNames.PoisonSuffix);
        if (args.IsRunningSynchronously)
        {
            poison.SendMessage(message.MessageText, cancellationToken: args.CancellationToken);
            queue.DeleteMessage(message.MessageId, message.PopReceipt, args.CancellationToken);
            return;
        }
        await poison.SendMessageAsync(message.MessageText, cancellationToken: args.CancellationToken);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, args.CancellationToken);
    }
}
