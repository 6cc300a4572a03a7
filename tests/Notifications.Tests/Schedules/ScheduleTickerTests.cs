using Notifications.Schedules;
using Notifications.Storage;
using Notifications.Tests.Support;

namespace Notifications.Tests.Schedules;

public sealed class ScheduleTickerTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static async Task<int> CountRunRequestsAsync(NotificationStorage storage)
    {
        var peeked = await storage.RunQueue.PeekMessagesAsync(32);
        return peeked.Value.Length;
    }

    private static async Task<string> CreateScheduleAsync(TestApp app, string cron, string zone = "UTC") =>
        (await app.Schedules.CreateAsync(AdminCalls.Json(new { name = "Hourly", prompt = "echo: hi", cron, timeZone = zone }), default))
        .Expect(201)["id"]!.GetValue<string>();

    [Fact]
    public async Task Two_tickers_at_once_run_an_occurrence_once()
    {
        await using var first = await TestApp.StartAsync(azurite.ConnectionString, null);
        await using var second = await TestApp.StartAsync(azurite.ConnectionString, null);
        await first.ResetSchedulingAsync();
        var id = await CreateScheduleAsync(first, "0 8 * * *");
        first.Time.Advance(TimeSpan.FromMinutes(3));
        second.Time.Advance(TimeSpan.FromMinutes(3));

        var claims = await Task.WhenAll(first.Ticker.TickAsync(), second.Ticker.TickAsync(), first.Ticker.TickAsync(), second.Ticker.TickAsync());

        Assert.Equal(1, claims.Sum());
        Assert.Equal(1, await CountRunRequestsAsync(first.Storage));
        var message = (await first.Storage.RunQueue.PeekMessageAsync()).Value;
        var request = QueueMessageJson.Deserialize<RunRequest>(message.MessageText);
        Assert.Equal(id, request.ScheduleId);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero), request.OccurrenceUtc);
    }

    [Fact]
    public async Task Hours_of_missed_occurrences_run_once()
    {
        await using var app = await TestApp.StartAsync(azurite.ConnectionString, null);
        await app.ResetSchedulingAsync();
        var id = await CreateScheduleAsync(app, "*/15 * * * *");
        app.Time.Advance(TimeSpan.FromHours(5)); // 20 occurrences missed

        Assert.Equal(1, await app.Ticker.TickAsync());
        Assert.Equal(0, await app.Ticker.TickAsync());

        Assert.Equal(1, await CountRunRequestsAsync(app.Storage));
        var schedule = (await app.Schedules.GetAsync(id, default)).Expect(200);
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 13, 0, 0, TimeSpan.Zero), schedule["nextRunUtc"]!.GetValue<DateTimeOffset>());
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero), schedule["lastOccurrenceUtc"]!.GetValue<DateTimeOffset>());
    }

    [Fact]
    public async Task The_ticker_reads_only_due_entries_of_the_index()
    {
        await using var app = await TestApp.StartAsync(azurite.ConnectionString, null);
        await app.ResetSchedulingAsync();
        var due = await CreateScheduleAsync(app, "0 8 * * *");
        var later = await CreateScheduleAsync(app, "0 9 * * *");
        app.Time.Advance(TimeSpan.FromMinutes(5));

        var index = app.Get<DueScheduleIndex>();
        var entries = new List<DueScheduleIndex.Entry>();
        await foreach (var e in index.DueAsync(app.Time.GetUtcNow())) entries.Add(e);

        Assert.Contains(entries, e => e.ScheduleId == due);
        Assert.DoesNotContain(entries, e => e.ScheduleId == later);
    }

    [Fact]
    public async Task Disabling_or_deleting_a_schedule_stops_its_runs()
    {
        await using var app = await TestApp.StartAsync(azurite.ConnectionString, null);
        await app.ResetSchedulingAsync();
        var deleted = await CreateScheduleAsync(app, "0 8 * * *");
        var disabled = await CreateScheduleAsync(app, "0 8 * * *");
        (await app.Schedules.DeleteAsync(deleted, default)).Expect(204);
        (await app.Schedules.UpdateAsync(disabled, AdminCalls.Json(new { name = "Off", prompt = "echo: x", cron = "0 8 * * *", timeZone = "UTC", enabled = false }), default)).Expect(200);
        app.Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, await app.Ticker.TickAsync());
        Assert.Equal(0, await CountRunRequestsAsync(app.Storage));
    }

    [Fact]
    public void Cron_follows_the_time_zone_across_daylight_saving()
    {
        var cron = CronSchedule.Parse("0 8 * * *", "Europe/Berlin");
        // 08:00 Berlin is 07:00 UTC in winter and 06:00 UTC in summer.
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 7, 0, 0, TimeSpan.Zero), cron.NextAfter(new DateTimeOffset(2026, 3, 28, 0, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 6, 0, 0, TimeSpan.Zero), cron.NextAfter(new DateTimeOffset(2026, 3, 29, 7, 30, 0, TimeSpan.Zero)));
    }
}
