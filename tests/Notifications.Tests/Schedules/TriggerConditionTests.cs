using Notifications.Fakes;
using Notifications.Tests.Support;

namespace Notifications.Tests.Schedules;

/// <summary>Always / SuccessOnly / FailureOnly against a successful and a failed run, through the whole pipeline.</summary>
public sealed class TriggerConditionTests(AzuriteFixture azurite) : PipelineTest(azurite)
{
    [Theory]
    [InlineData("echo: Everything is fine.", "Succeeded", "Sent", "Sent", "Skipped")]
    [InlineData("fail: the warehouse is unreachable", "Failed", "Sent", "Skipped", "Sent")]
    public async Task Each_condition_fires_only_for_its_outcome(string prompt, string runStatus, string always, string successOnly, string failureOnly)
    {
        var slack = await App.CreateSlackChannelAsync(Fakes.SlackWebhookUrl());
        var schedule = await App.CreateScheduleAsync(prompt,
            new { channelId = slack, condition = "Always" },
            new { channelId = slack, condition = "SuccessOnly" },
            new { channelId = slack, condition = "FailureOnly" });

        var run = await App.RunNowAndPumpAsync(schedule);

        Assert.Equal(runStatus, run["run"]!["status"]!.GetValue<string>());
        var statuses = run.StatusByCondition();
        Assert.Equal(always, statuses["Always"]);
        Assert.Equal(successOnly, statuses["SuccessOnly"]);
        Assert.Equal(failureOnly, statuses["FailureOnly"]);
        var sent = new[] { always, successOnly, failureOnly }.Count(s => s == "Sent");
        Assert.Equal(sent, Fakes.Recorded.For("slack").Count);
    }

    [Fact]
    public async Task A_failedAgent_call_makes_a_failed_run_whose_error_reaches_FailureOnly()
    {
        await using var unreachable = await TestApp.StartAsync(Azurite.ConnectionString, new Uri($"http://127.0.0.1:{ExternalProcess.FreePort()}/"));
        var slack = await unreachable.CreateSlackChannelAsync(Fakes.SlackWebhookUrl());
        var schedule = await unreachable.CreateScheduleAsync("Daily checks", new { channelId = slack, condition = "FailureOnly" });

        var run = await unreachable.RunNowAndPumpAsync(schedule);

        Assert.Equal("Failed", run["run"]!["status"]!.GetValue<string>());
        Assert.Contains("could not be reached", run["run"]!["error"]!.GetValue<string>());
        Assert.Equal("Sent", run.StatusByCondition()["FailureOnly"]);
        var payload = Assert.Single(Fakes.Recorded.For("slack"));
        Assert.Equal("Morning report: failed", payload["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Contains("could not be reached", payload.ToJsonString());
    }
}
