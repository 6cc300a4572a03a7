using System.Text.Json.Nodes;
using Notifications.Channels;
using Notifications.Fakes;
using Notifications.Fakes.Discord;
using Notifications.Fakes.GoogleChat;
using Notifications.Fakes.Teams;
using Notifications.Fakes.Telegram;
using Notifications.Messages;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Webhooks;

/// <summary>Each provider's answers classified as the dispatcher needs them: sent, permanent with the provider's reason,
/// or transient with the provider's Retry-After.</summary>
public sealed class WebhookResponseTests(AzuriteFixture azurite) : FakesTest(azurite)
{
    private async Task<SendResult> SendAsync(string provider, object settings, NotificationMessage? message = null)
    {
        var id = await WebhookChannels.CreateAsync(App, provider, settings);
        return await WebhookChannels.Provider(App, provider).SendAsync(await WebhookChannels.ChannelAsync(App, id), null,
            message ?? WebhookChannels.Message("All checks passed."), default);
    }

    private Task<SendResult> SendAsync(string provider, NotificationMessage? message = null) =>
        SendAsync(provider, WebhookChannels.Settings(Fakes, provider), message);

    [Theory]
    [InlineData(400, "invalid_blocks")]
    [InlineData(400, "no_text")]
    [InlineData(404, "channel_not_found")]
    [InlineData(200, "invalid_payload")]
    public async Task Slack_errors_are_permanent_with_slacks_reason(int status, string reason)
    {
        Fakes.Scripted.Enqueue("slack", new ScriptedResponse(status, reason));
        var result = await SendAsync("slack");
        Assert.Equal(SendStatus.PermanentFailure, result.Status);
        Assert.Contains(reason, result.Detail);
    }

    [Fact]
    public async Task Discord_answers_204_or_200_with_wait_and_50035_is_permanent()
    {
        Assert.Equal(204, (await SendAsync("discord")).ProviderStatus);
        var wait = await SendAsync("discord", new { webhookUrl = Fakes.DiscordWebhookUrl(wait: true).ToString() });
        Assert.Equal((SendStatus.Sent, 200), (wait.Status, wait.ProviderStatus));

        Fakes.Scripted.Enqueue("discord", new ScriptedResponse(400,
            """{"code":50035,"errors":{"embeds":{"0":{"description":{"_errors":[{"code":"BASE_TYPE_MAX_LENGTH","message":"Must be 4096 or fewer in length."}]}}}},"message":"Invalid Form Body"}""",
            "application/json"));
        var invalid = await SendAsync("discord");
        Assert.Equal(SendStatus.PermanentFailure, invalid.Status);
        Assert.Contains("50035", invalid.Detail);
        Assert.Contains("Must be 4096 or fewer", invalid.Detail);
    }

    [Fact]
    public async Task Discord_429_uses_retry_after_from_the_body()
    {
        Fakes.Scripted.Enqueue("discord", FakeDiscord.RateLimited(2.5));
        var result = await SendAsync("discord");
        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(2.5), result.RetryAfter);
    }

    [Fact]
    public async Task Telegram_429_uses_parameters_retry_after_and_parse_errors_are_permanent()
    {
        Fakes.Scripted.Enqueue("telegram", FakeTelegram.RateLimited(5));
        var limited = await SendAsync("telegram", WebhookChannels.Message("x", charts: 0));
        Assert.Equal((SendStatus.TransientFailure, TimeSpan.FromSeconds(5)), (limited.Status, limited.RetryAfter));

        foreach (var description in new[] { "Bad Request: can't parse entities: Unsupported start tag \"h1\" at byte offset 0", "Bad Request: message is too long" })
        {
            Fakes.Scripted.Enqueue("telegram", new ScriptedResponse(400,
                new JsonObject { ["ok"] = false, ["error_code"] = 400, ["description"] = description }.ToJsonString(), "application/json"));
            var result = await SendAsync("telegram", WebhookChannels.Message("x", charts: 0));
            Assert.Equal(SendStatus.PermanentFailure, result.Status);
            Assert.Contains(description, result.Detail);
        }
    }

    [Fact]
    public async Task Telegram_retry_after_a_failed_part_resumes_without_resending_earlier_parts()
    {
        var markdown = string.Join("\n\n", Enumerable.Range(1, 300).Select(i => $"Paragraph {i} of the long answer."));
        var message = WebhookChannels.Message(markdown, charts: 0, runId: "resume-run");
        var id = await WebhookChannels.CreateAsync(App, Fakes, "telegram");
        var channel = await WebhookChannels.ChannelAsync(App, id);
        var provider = WebhookChannels.Provider(App, "telegram");
        var parts = Notifications.Channels.Webhooks.Telegram.TelegramBotSender.Parts("-1001234567890", message);
        Assert.Equal(3, parts.Count);

        // Part 1 is accepted (scripted like Telegram's ok), part 2 meets a 502.
        Fakes.Scripted.Enqueue("telegram", new ScriptedResponse(200, """{"ok":true,"result":{"message_id":1}}""", "application/json"));
        Fakes.Scripted.Enqueue("telegram", new ScriptedResponse(502, "Bad Gateway"));
        var first = await provider.SendAsync(channel, null, message, default);
        Assert.Equal(SendStatus.TransientFailure, first.Status);
        Assert.StartsWith("part 2 of 3", first.Detail);

        var retry = await provider.SendAsync(channel, null, message, default);

        Assert.Equal(SendStatus.Sent, retry.Status);
        Assert.Contains("resuming after part 1", retry.Detail);
        var received = Assert.IsType<JsonArray>(Assert.Single(Fakes.Recorded.For("telegram")));
        Assert.Equal(2, received.Count); // parts 2 and 3 only: part 1 was not posted again
        Assert.Equal(parts[1].Fields["text"]!.GetValue<string>(), received[0]!["text"]!.GetValue<string>());
        Assert.DoesNotContain(received, r => r!["text"]!.GetValue<string>().Contains("Paragraph 1 of", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Teams_workflows_202_is_sent_and_a_legacy_200_with_an_error_text_is_a_failure()
    {
        Assert.Equal((SendStatus.Sent, 202), ((await SendAsync("teams")).Status, (await SendAsync("teams")).ProviderStatus));
        var legacy = await SendAsync("teams", new { webhookUrl = Fakes.TeamsLegacyWebhookUrl().ToString() });
        Assert.Equal(SendStatus.Sent, legacy.Status);

        var retired = await SendAsync("teams", new { webhookUrl = Fakes.TeamsLegacyWebhookUrl("retired").ToString() });
        Assert.Equal((SendStatus.PermanentFailure, 410), (retired.Status, retired.ProviderStatus));
        Assert.Contains("HTTP error 410", retired.Detail);

        Fakes.Scripted.Enqueue("teams", new ScriptedResponse(200, "Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0."));
        var throttled = await SendAsync("teams", new { webhookUrl = Fakes.TeamsLegacyWebhookUrl().ToString() });
        Assert.Equal(SendStatus.TransientFailure, throttled.Status);

        Fakes.Scripted.Enqueue("teams", FakeTeams.RateLimited(30));
        var limited = await SendAsync("teams");
        Assert.Equal((SendStatus.TransientFailure, TimeSpan.FromSeconds(30)), (limited.Status, limited.RetryAfter));
    }

    [Fact]
    public async Task Google_chat_200_is_sent_429_and_5xx_are_transient()
    {
        Assert.Equal((SendStatus.Sent, 200), ((await SendAsync("googlechat")).Status, (await SendAsync("googlechat")).ProviderStatus));
        Fakes.Scripted.Enqueue("googlechat", FakeGoogleChat.RateLimited(12));
        var limited = await SendAsync("googlechat");
        Assert.Equal((SendStatus.TransientFailure, TimeSpan.FromSeconds(12)), (limited.Status, limited.RetryAfter));
        Fakes.Scripted.Enqueue("googlechat", new ScriptedResponse(503, """{"error":{"code":503,"status":"UNAVAILABLE"}}""", "application/json"));
        Assert.Equal(SendStatus.TransientFailure, (await SendAsync("googlechat")).Status);
        var expired = await SendAsync("googlechat", new { webhookUrl = Fakes.GoogleChatWebhookUrl("expired").ToString() });
        Assert.Equal((SendStatus.PermanentFailure, 401), (expired.Status, expired.ProviderStatus));
    }

    [Fact]
    public async Task A_timeout_is_transient_and_test_webhook_reports_it()
    {
        // A listener that accepts connections and never answers; the client's own 1 s timeout is what is under test.
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        await using var app = await TestApp.StartAsync(Azurite.ConnectionString, null, new Dictionary<string, string?> { ["Webhooks:TimeoutSeconds"] = "1" });
        var id = await WebhookChannels.CreateAsync(app, "googlechat", new { webhookUrl = $"http://127.0.0.1:{port}/googlechat/v1/spaces/A/messages?key=k&token=t" });
        var channel = await WebhookChannels.ChannelAsync(app, id);

        var result = await WebhookChannels.Provider(app, "googlechat").SendAsync(channel, null, WebhookChannels.Message("x"), default);
        var test = (await app.Channels.TestAsync(id, null, default)).Expect(200);

        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.Contains("no answer within 1 s", result.Detail);
        Assert.Equal("Timeout", test["outcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_transient_and_the_detail_has_no_url()
    {
        var port = ExternalProcess.FreePort(); // nothing listens there
        var url = $"http://127.0.0.1:{port}/discord/api/webhooks/1/secret-token-value";
        var result = await SendAsync("discord", new { webhookUrl = url });
        Assert.Equal(SendStatus.TransientFailure, result.Status);
        Assert.DoesNotContain("secret-token-value", result.Detail);
        Assert.DoesNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture), result.Detail);
    }
}
