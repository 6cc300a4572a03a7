using Notifications.Runs;
using Notifications.Storage;
using Notifications.Tests.Support;

namespace Notifications.Tests.Runs;

/// <summary>A run whose processing keeps failing must not stay Running once its message goes to the poison queue.</summary>
public sealed class LastAttemptTests(AzuriteFixture azurite) : PipelineTest(azurite)
{
    [Fact]
    public async Task The_last_failed_attempt_ends_the_run_as_failed_and_fires_FailureOnly()
    {
        var slack = await App.CreateSlackChannelAsync(Fakes.SlackWebhookUrl());
        var schedule = await App.CreateScheduleAsync("echo: fine", new { channelId = slack, condition = "FailureOnly" });
        await App.Storage.Results.DeleteAsync(); // storing the result now fails, as a storage outage would
        var runner = App.Get<RunProcessor>();
        var request = new RunRequest("run-poisoned", schedule, null, "manual");

        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => runner.ProcessAsync(request, lastAttempt: false));
        Assert.Equal("Running", (await App.Runs.GetAsync("run-poisoned", default)).Expect(200)["run"]!["status"]!.GetValue<string>());

        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => runner.ProcessAsync(request, lastAttempt: true));
        await App.PumpQueuesAsync();

        var run = (await App.Runs.GetAsync("run-poisoned", default)).Expect(200);
        Assert.Equal("Failed", run["run"]!["status"]!.GetValue<string>());
        Assert.Contains("could not be completed", run["run"]!["error"]!.GetValue<string>());
        Assert.Equal("Sent", run.StatusByCondition()["FailureOnly"]);
        Assert.Single(Fakes.Recorded.For("slack"));
    }
}
