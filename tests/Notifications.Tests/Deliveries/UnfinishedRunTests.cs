using Notifications.Deliveries;
using Notifications.Runs;
using Notifications.Schedules;
using Notifications.Storage;
using Notifications.Tests.Support;

namespace Notifications.Tests.Deliveries;

public sealed class UnfinishedRunTests(AzuriteFixture azurite) : PipelineTest(azurite)
{
    [Fact]
    public async Task A_delivery_of_a_run_still_running_waits_instead_of_sending_a_failure()
    {
        var slack = await App.CreateSlackChannelAsync(Fakes.SlackWebhookUrl());
        var runs = App.Get<RunRepository>();
        await runs.TryStartAsync(new Run("run-unfinished", "sch", "Report", "p", "manual", RunStatus.Running, null, null, [], 0, App.Time.GetUtcNow(), null));
        await runs.TryAddDeliveryAsync(new Delivery("run-unfinished", "n1", slack, "slack", null, TriggerCondition.Always,
            DeliveryStatus.Pending, 0, null, null, App.Time.GetUtcNow()));

        await App.Get<DeliveryDispatcher>().DispatchAsync(new DeliveryRequest("run-unfinished", "n1"));

        var (delivery, _) = (await runs.FindDeliveryAsync("run-unfinished", "n1"))!.Value;
        Assert.Equal(DeliveryStatus.Retrying, delivery.Status);
        Assert.Contains("not completed", delivery.Detail);
        Assert.Empty(Fakes.Recorded.For("slack"));
    }

    [Fact]
    public async Task Deliveries_are_enqueued_only_after_the_finished_run_is_saved()
    {
        var slack = await App.CreateSlackChannelAsync(Fakes.SlackWebhookUrl());
        var schedule = await App.CreateScheduleAsync("echo: done", new { channelId = slack, condition = "Always" });
        await App.Storage.DeliveryQueue.ClearMessagesAsync();

        await App.Get<RunProcessor>().ProcessAsync(new RunRequest("run-ordered", schedule, null, "manual"));

        // Whatever a dispatcher reads once a delivery message exists must be the finished run.
        var message = (await App.Storage.DeliveryQueue.PeekMessageAsync()).Value;
        Assert.NotNull(message);
        var run = await App.Get<RunRepository>().FindAsync("run-ordered");
        Assert.Equal(RunStatus.Succeeded, run!.Status);
    }
}
