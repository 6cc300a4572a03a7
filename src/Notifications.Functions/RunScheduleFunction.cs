using Microsoft.Azure.Functions.Worker;
using Notifications.Runs;
using Notifications.Storage;

namespace Notifications.Functions;

/// <summary>Runs one occurrence: agent call, result and charts to Blob Storage, deliveries enqueued.</summary>
public sealed class RunScheduleFunction(RunProcessor runner)
{
    [Function("RunSchedule")]
    public Task Run(
        [QueueTrigger(StorageNames.RunQueue, Connection = StorageNames.ConnectionName)] string message, long dequeueCount, CancellationToken ct) =>
        runner.ProcessAsync(QueueMessageJson.Deserialize<RunRequest>(message), dequeueCount >= QueueMessagePump.MaxDequeueCount, ct);
}
