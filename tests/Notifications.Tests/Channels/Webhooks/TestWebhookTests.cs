using System.Text.Json.Nodes;
using Notifications.Fakes;
using Notifications.Fakes.Discord;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Webhooks;

/// <summary>Test Webhook on saved channels: each outcome, with its hint, from the answer the fake gives.</summary>
public sealed class TestWebhookTests(AzuriteFixture azurite) : FakesTest(azurite)
{
    private async Task<JsonObject> TestAsync(string provider, object settings)
    {
        var id = await WebhookChannels.CreateAsync(App, provider, settings);
        return (await App.Channels.TestAsync(id, null, default)).Expect(200);
    }

    private static void AssertOutcome(JsonObject result, string outcome, string hintPart)
    {
        Assert.Equal(outcome, result["outcome"]!.GetValue<string>());
        Assert.Contains(hintPart, result["hint"]?.GetValue<string>() ?? "", StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("slack")]
    [InlineData("teams")]
    [InlineData("discord")]
    [InlineData("telegram")]
    [InlineData("googlechat")]
    public async Task A_good_channel_succeeds_and_the_fake_receives_the_sample_in_its_format(string provider)
    {
        var result = await TestAsync(provider, WebhookChannels.Settings(Fakes, provider));
        Assert.Equal("Success", result["outcome"]!.GetValue<string>());
        var received = Assert.Single(Fakes.Recorded.For(provider)).ToJsonString();
        Assert.Contains("Test notification: succeeded", received);
    }

    [Theory]
    [InlineData("slack", "create a new incoming webhook")]
    [InlineData("teams", "copy the URL again")]
    [InlineData("discord", "copy the URL again")]
    [InlineData("googlechat", "copy the URL again")]
    public async Task A_revoked_url_is_reported_as_expired(string provider, string hint)
    {
        AssertOutcome(await TestAsync(provider, WebhookChannels.Settings(Fakes, provider, revoked: true)), "UrlExpired", hint);
    }

    [Fact]
    public async Task A_retired_legacy_teams_connector_is_reported_as_expired()
    {
        AssertOutcome(await TestAsync("teams", new { webhookUrl = Fakes.TeamsLegacyWebhookUrl("retired").ToString() }), "UrlExpired", "Workflows");
    }

    [Fact]
    public async Task A_revoked_bot_token_is_an_auth_failure()
    {
        AssertOutcome(await TestAsync("telegram", WebhookChannels.Settings(Fakes, "telegram", revoked: true)), "AuthFailure", "@BotFather");
    }

    [Theory]
    [InlineData("-100403", "Add the bot to the chat")]
    [InlineData("-100404", "Check the chat id")]
    public async Task A_bot_outside_the_chat_is_reported_with_a_hint(string chatId, string hint)
    {
        AssertOutcome(await TestAsync("telegram", WebhookChannels.Settings(Fakes, "telegram", chatId)), "BotNotInChat", hint);
    }

    /// <summary>The wrong provider chosen: the URL belongs to another service, which refuses the format.</summary>
    [Theory]
    [InlineData("slack", "discord")]
    [InlineData("teams", "slack")]
    [InlineData("discord", "teams")]
    [InlineData("googlechat", "discord")]
    public async Task A_url_of_another_provider_is_reported_as_format_broken(string chosen, string actual)
    {
        var webhookUrl = actual switch
        {
            "discord" => Fakes.DiscordWebhookUrl(),
            "slack" => Fakes.SlackWebhookUrl(),
            _ => Fakes.TeamsWebhookUrl(),
        };
        AssertOutcome(await TestAsync(chosen, new { webhookUrl = webhookUrl.ToString() }), "FormatBroken", "Check that the channel's provider is");
    }

    [Fact]
    public async Task A_telegram_parse_error_is_format_broken_and_a_429_is_rate_limited()
    {
        Fakes.Scripted.Enqueue("telegram", new ScriptedResponse(400,
            """{"ok":false,"error_code":400,"description":"Bad Request: can't parse entities: Unsupported start tag \"x\" at byte offset 3"}""", "application/json"));
        AssertOutcome(await TestAsync("telegram", WebhookChannels.Settings(Fakes, "telegram")), "FormatBroken", "provider is Telegram");

        Fakes.Scripted.Enqueue("discord", FakeDiscord.RateLimited(3));
        AssertOutcome(await TestAsync("discord", WebhookChannels.Settings(Fakes, "discord")), "RateLimited", "Wait 3 s");
    }

    [Fact]
    public async Task An_unreachable_host_is_a_connection_failure()
    {
        var url = $"http://127.0.0.1:{ExternalProcess.FreePort()}/slack/services/T1/B1/x";
        AssertOutcome(await TestAsync("slack", new { webhookUrl = url }), "ConnectionFailure", "firewall");
    }
}
