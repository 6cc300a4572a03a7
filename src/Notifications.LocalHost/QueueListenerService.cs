using Microsoft.Extensions.Options;
using Notifications.Deliveries;
using Notifications.Runs;
using Notifications.Storage;

namespace Notifications.LocalHost;

/// <summary>The local stand-in for the two queue-triggered functions, with the same handlers.</summary>
public sealed class QueueListenerService(
    NotificationStorage storage,
    RunProcessor runner,
    DeliveryDispatcher dispatcher,
    IOptions<LocalHostOptions> options,
    TimeProvider time,
    ILogger<QueueListenerService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.WhenAll(
        ListenAsync(QueuePumps.ForRuns(storage, runner, logger), stoppingToken),
        ListenAsync(QueuePumps.ForDeliveries(storage, dispatcher, logger), stoppingToken));

    private async Task ListenAsync(QueueMessagePump pump, CancellationToken ct)
    {
        var idle = TimeSpan.FromSeconds(options.Value.QueuePollSeconds);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (await pump.PumpOnceAsync(ct) > 0) continue;
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                logger.LogError("Queue listener failed: {ExceptionType}: {Error}", e.GetType().Name, e.Message);
            }
            await Task.Delay(idle, time, ct).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
