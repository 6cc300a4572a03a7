using Microsoft.Extensions.Logging;
using Notifications.Deliveries;
using Notifications.Runs;

namespace Notifications.Storage;

/// <summary>The pumps for the two stage queues, wired to the same handlers the queue-triggered functions call.</summary>
public static class QueuePumps
{
    public static QueueMessagePump ForRuns(NotificationStorage storage, RunProcessor runner, ILogger logger) =>
        new(storage.RunQueue, storage.PoisonQueueFor(storage.RunQueue),
            (body, dequeueCount, ct) =>
                runner.ProcessAsync(QueueMessageJson.Deserialize<RunRequest>(body), dequeueCount >= QueueMessagePump.MaxDequeueCount, ct), logger);

    public static QueueMessagePump ForDeliveries(NotificationStorage storage, DeliveryDispatcher dispatcher, ILogger logger) =>
        new(storage.DeliveryQueue, storage.PoisonQueueFor(storage.DeliveryQueue),
            (body, _, ct) => dispatcher.DispatchAsync(QueueMessageJson.Deserialize<DeliveryRequest>(body), ct), logger);
}
