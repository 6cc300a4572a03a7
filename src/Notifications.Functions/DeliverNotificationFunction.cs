using Microsoft.Azure.Functions.Worker;
using Notifications.Deliveries;
using Notifications.Storage;

namespace Notifications.Functions;

/// <summary>Delivers one notification of one run through its channel and records the outcome.</summary>
public sealed class DeliverNotificationFunction(DeliveryDispatcher dispatcher)
{
    [Function("DeliverNotification")]
    public Task Run([QueueTrigger(StorageNames.DeliveryQueue, Connection = StorageNames.ConnectionName)] string message, CancellationToken ct) =>
        dispatcher.DispatchAsync(QueueMessageJson.Deserialize<DeliveryRequest>(message), ct);
}
