using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Notifications.Api;
using Notifications.Deliveries;
using Notifications.Runs;
using Notifications.Schedules;
using Notifications.Storage;

namespace Notifications.Tests.Support;

/// <summary>
/// The core wired as the hosts wire it (same registrations), against a test's Azurite, with time on a
/// FakeTimeProvider and every log line captured.
/// </summary>
public sealed class TestApp : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 3, 7, 58, 0, TimeSpan.Zero);
    private readonly ServiceProvider _services;

    private TestApp(ServiceProvider services, FakeTimeProvider time, CapturingLoggerProvider logs)
    {
        _services = services;
        Time = time;
        Logs = logs;
    }

    public FakeTimeProvider Time { get; }
    public CapturingLoggerProvider Logs { get; }
    public NotificationStorage Storage => Get<NotificationStorage>();
    public ChannelsApi Channels => Get<ChannelsApi>();
    public SchedulesApi Schedules => Get<SchedulesApi>();
    public RunsApi Runs => Get<RunsApi>();
    public ScheduleTicker Ticker => Get<ScheduleTicker>();

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<TestApp> StartAsync(string storageConnection, Uri? agentUrl, IDictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["NotificationStorage"] = storageConnection,
            ["Agent:BaseUrl"] = agentUrl?.ToString(),
            ["Agent:TimeoutSeconds"] = "10",
            ["Webhooks:AllowedHosts:0"] = "127.0.0.1",
            ["ChannelSecrets:ActiveKeyId"] = "test",
            ["ChannelSecrets:Keys:test"] = Convert.ToBase64String(new byte[32]),
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>()) values[k] = v;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var time = new FakeTimeProvider(Start);
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace))
            .AddNotificationsCore(configuration)
            .AddEmailChannels()
            .AddWebhookChannels(configuration)
            .AddSingleton<TimeProvider>(time)
            .BuildServiceProvider();
        var app = new TestApp(services, time, logs);
        await app.Storage.EnsureCreatedAsync();
        return app;
    }

    /// <summary>Drains both stage queues the way the queue-triggered functions would, until nothing visible is left.</summary>
    public async Task PumpQueuesAsync()
    {
        var logger = Get<ILoggerFactory>().CreateLogger("pump");
        var runs = QueuePumps.ForRuns(Storage, Get<RunProcessor>(), logger);
        var deliveries = QueuePumps.ForDeliveries(Storage, Get<DeliveryDispatcher>(), logger);
        while (await runs.PumpOnceAsync(default) + await deliveries.PumpOnceAsync(default) > 0)
        {
        }
    }

    /// <summary>Tests of one class share an Azurite: forget other tests' due schedules and queued runs.</summary>
    public async Task ResetSchedulingAsync()
    {
        await foreach (var e in Storage.DueIndex.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey", "RowKey"]))
            await Storage.DueIndex.DeleteEntityAsync(e.PartitionKey, e.RowKey);
        await Storage.RunQueue.ClearMessagesAsync();
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}
