using Microsoft.Extensions.Options;
using Notifications.Schedules;

namespace Notifications.LocalHost;

/// <summary>The local stand-in for the timer function: calls the same ticker on an interval.</summary>
public sealed class TickerService(ScheduleTicker ticker, IOptions<LocalHostOptions> options, TimeProvider time, ILogger<TickerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.TickerIntervalSeconds), time);
        do
        {
            try
            {
                await ticker.TickAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError("Ticker failed: {ExceptionType}: {Error}", e.GetType().Name, e.Message);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
