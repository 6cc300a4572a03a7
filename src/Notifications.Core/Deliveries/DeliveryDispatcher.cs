using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Notifications.Channels;
using Notifications.Messages;
using Notifications.Runs;
using Notifications.Storage;
using Notifications.Telemetry;

namespace Notifications.Deliveries;

/// <summary>
/// Delivers one notification of one run and records the outcome. The delivery record is the ledger: a message for a
/// delivery that is already final is acknowledged without sending. Retries are new, delayed queue messages, so one
/// failing channel never holds up or repeats another.
/// </summary>
public sealed class DeliveryDispatcher(
    NotificationStorage storage,
    RunRepository runs,
    ChannelRepository channels,
    ChannelProviderRegistry providers,
    NotificationMessageLoader messages,
    IOptions<DeliveryOptions> options,
    NotificationMetrics metrics,
    TimeProvider time,
    ILogger<DeliveryDispatcher> logger)
{
    public async Task DispatchAsync(DeliveryRequest request, CancellationToken ct = default)
    {
        var found = await runs.FindDeliveryAsync(request.RunId, request.NotificationId, ct);
        if (found is not { } entry)
        {
            logger.LogWarning("Delivery {NotificationId} of run {RunId} does not exist; message dropped", request.NotificationId, request.RunId);
            return;
        }
        var (delivery, etag) = entry;
        var run = await runs.FindAsync(delivery.RunId, ct);
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["scheduleId"] = run?.ScheduleId ?? "", ["runId"] = delivery.RunId,
            ["notificationId"] = delivery.NotificationId, ["provider"] = delivery.Provider,
        });
        if (delivery.IsFinal)
        {
            logger.LogInformation("Delivery {NotificationId} is already {Status}; not sending again", delivery.NotificationId, delivery.Status);
            return;
        }

        var channel = await channels.FindAsync(delivery.ChannelId, ct);
        var provider = providers.Find(channel?.Provider);
        SendResult result;
        if (run is null) result = SendResult.Permanent("The run no longer exists.");
        // Never deliver a run that has not finished: it would read as a failure with no result and no charts.
        else if (run.Status == RunStatus.Running) result = SendResult.Transient("The run has not completed yet.");
        else if (channel is null) result = SendResult.Permanent($"Channel {delivery.ChannelId} no longer exists.");
        else if (provider is null) result = SendResult.Permanent($"Provider '{channel.Provider}' is not available.");
        else
        {
            var message = await messages.LoadAsync(run, ct);
            result = await SendSafelyAsync(provider, channel, delivery.Target, message, ct);
        }

        await RecordAsync(delivery, etag, request, result, run, ct);
    }

    private async Task<SendResult> SendSafelyAsync(IChannelProvider provider, Channel channel, string? target, NotificationMessage message, CancellationToken ct)
    {
        try
        {
            return await provider.SendAsync(channel, target, message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // A provider bug must not lose the delivery: treat it as transient, and log the type only (messages may quote settings).
            logger.LogError("Provider {Provider} threw {ExceptionType} while sending", provider.Id, e.GetType().Name);
            return SendResult.Transient($"Unexpected {e.GetType().Name} while sending.");
        }
    }

    private async Task RecordAsync(Delivery delivery, Azure.ETag etag, DeliveryRequest request, SendResult result, Run? run, CancellationToken ct)
    {
        var o = options.Value;
        var attempts = delivery.Attempts + 1;
        var retry = result.Status == SendStatus.TransientFailure && attempts < o.MaxAttempts;
        var status = result.Status switch
        {
            SendStatus.Sent => DeliveryStatus.Sent,
            _ when retry => DeliveryStatus.Retrying,
            _ => DeliveryStatus.Failed,
        };
        var updated = delivery with
        {
            Status = status, Attempts = attempts, Detail = result.Detail, ProviderStatus = result.ProviderStatus, UpdatedUtc = time.GetUtcNow(),
        };
        if (!await runs.TryUpdateDeliveryAsync(updated, etag, ct))
        {
            logger.LogWarning("Delivery {NotificationId} changed while sending; keeping the other outcome", delivery.NotificationId);
            return;
        }

        var latency = run?.CompletedUtc is { } completed ? time.GetUtcNow() - completed : (TimeSpan?)null;
        metrics.DeliveryRecorded(delivery.Provider, status, status == DeliveryStatus.Sent ? latency : null);
        if (retry)
        {
            var delay = RetryDelay(attempts, result.RetryAfter, o);
            await storage.DeliveryQueue.SendJsonAsync(request with { Attempt = attempts + 1 }, delay, ct);
            logger.LogWarning("Delivery {NotificationId} via {Provider} will retry in {RetryAfterSeconds}s ({Reason})",
                delivery.NotificationId, delivery.Provider, (int)delay.TotalSeconds, result.Detail);
        }
        else if (status == DeliveryStatus.Sent)
            logger.LogInformation("Delivered {NotificationId} via {Provider}: {Detail}", delivery.NotificationId, delivery.Provider, result.Detail);
        else
            logger.LogWarning("Delivery {NotificationId} via {Provider} failed after {Attempts} attempts: {Reason}",
                delivery.NotificationId, delivery.Provider, attempts, result.Detail);
    }

    internal static TimeSpan RetryDelay(int attempts, TimeSpan? retryAfter, DeliveryOptions o)
    {
        var delay = retryAfter ?? TimeSpan.FromTicks(o.FirstRetryDelay.Ticks * (1L << Math.Min(attempts - 1, 20)));
        return delay > o.MaxRetryDelay ? o.MaxRetryDelay : delay < TimeSpan.Zero ? TimeSpan.Zero : delay;
    }
}
