using System.Text.Json.Nodes;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Webhooks;

/// <summary>Webhook URLs are checked against each provider's real shapes (no allowlist here), with a clear 400 otherwise.</summary>
public sealed class WebhookValidationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private TestApp _app = null!;

    // The allowlist is emptied, so only the official shapes pass.
    public async Task InitializeAsync() =>
        _app = await TestApp.StartAsync(azurite.ConnectionString, null, new Dictionary<string, string?> { ["Webhooks:AllowedHosts:0"] = "gateway.example.test" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<Notifications.Api.ApiResult> CreateAsync(string provider, object settings) =>
        await _app.Channels.CreateAsync(AdminCalls.Json(new { name = "Channel", provider, settings }), default);

    [Theory]
    [InlineData("slack", "https://hooks.slack.com/services/T0001/B0001/abcdef")]
    [InlineData("discord", "https://discord.com/api/webhooks/123456789/abc-DEF_123")]
    [InlineData("discord", "https://discordapp.com/api/webhooks/123456789/tok")]
    [InlineData("discord", "https://ptb.discord.com/api/webhooks/123456789/tok")]
    [InlineData("discord", "https://canary.discord.com/api/v10/webhooks/123456789/tok")]
    [InlineData("teams", "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=xyz")]
    [InlineData("teams", "https://default0123.ab.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?api-version=1&sig=xyz")]
    [InlineData("googlechat", "https://chat.googleapis.com/v1/spaces/AAAA1234/messages?key=k&token=t")]
    [InlineData("slack", "https://gateway.example.test/any/path")]
    public async Task Official_shapes_and_allowlisted_hosts_are_accepted(string provider, string url)
    {
        var body = (await CreateAsync(provider, new { webhookUrl = url })).Expect(201);
        Assert.Null(body["warnings"]);
        Assert.Equal(["webhookUrl"], body["secretsConfigured"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Null(body["settings"]!["webhookUrl"]); // a secret never comes back
    }

    [Theory]
    [InlineData("slack", "https://hooks.slack.com/triggers/T1/123/abc", "Workflow Builder")]
    [InlineData("slack", "https://hooks.slack.com/services/X1/B1/abc", "https://hooks.slack.com/services/T…/B…/…")]
    [InlineData("discord", "https://discord.com/api/webhooks/not-a-number/tok", "/api/webhooks/{id}/{token}")]
    [InlineData("discord", "https://evil.example.com/api/webhooks/1/tok", "/api/webhooks/{id}/{token}")]
    [InlineData("discord", "http://discord.com/api/webhooks/1/tok", "Not a webhook URL of this provider")]
    [InlineData("teams", "https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/paths/invoke?api-version=1", "sig=")]
    [InlineData("teams", "https://example.com/workflows/x?sig=abc", "sig=")]
    [InlineData("googlechat", "https://chat.googleapis.com/v1/spaces/AAAA/messages?key=k", "key=…&token=…")]
    [InlineData("googlechat", "https://chat.googleapis.com/v1/spaces/AAAA?key=k&token=t", "key=…&token=…")]
    [InlineData("googlechat", "not a url", "Not a valid URL")]
    public async Task Wrong_shapes_are_refused_with_the_expected_shape(string provider, string url, string expected)
    {
        var result = await CreateAsync(provider, new { webhookUrl = url });
        Assert.Equal(400, result.Status);
        Assert.Contains(expected, result.Body()["errors"]!["settings.webhookUrl"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task A_legacy_teams_connector_is_saved_with_a_deprecation_warning()
    {
        var body = (await CreateAsync("teams", new { webhookUrl = "https://contoso.webhook.office.com/webhookb2/a@b/IncomingWebhook/c/d" })).Expect(201);
        Assert.Contains("retiring", body["warnings"]!["settings.webhookUrl"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Telegram_takes_a_bot_token_and_a_chat_id_instead_of_a_url()
    {
        var ok = (await CreateAsync("telegram", new { botToken = "123456789:AAHdemoTokenForTheLocalFakeOnly00000", chatId = "@my_channel" })).Expect(201);
        Assert.Equal(["botToken"], ok["secretsConfigured"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("@my_channel", ok["settings"]!["chatId"]!.GetValue<string>());

        var bad = await CreateAsync("telegram", new { botToken = "not-a-token", chatId = "general", webhookUrl = "https://api.telegram.org" });
        Assert.Equal(400, bad.Status);
        var errors = bad.Body()["errors"]!.AsObject();
        Assert.True(errors.ContainsKey("settings.webhookUrl"), errors.ToJsonString()); // no URL field for Telegram

        var fields = (await CreateAsync("telegram", new { botToken = "not-a-token", chatId = "general" })).Body()["errors"]!.AsObject();
        Assert.Contains("@BotFather", fields["settings.botToken"]![0]!.GetValue<string>());
        Assert.Contains("-1001234567890", fields["settings.chatId"]![0]!.GetValue<string>());
    }

    [Theory]
    [InlineData("http://api.telegram.org", "https")]
    [InlineData("https://botapi.example.com", "AllowedHosts")]
    public async Task Telegram_api_base_url_must_be_https_and_official_unless_allowlisted(string apiBaseUrl, string expected)
    {
        var result = await CreateAsync("telegram", new { botToken = "123456789:AAHdemoTokenForTheLocalFakeOnly00000", chatId = "-100123", apiBaseUrl });
        Assert.Equal(400, result.Status);
        Assert.Contains(expected, result.Body()["errors"]!["settings.apiBaseUrl"]![0]!.GetValue<string>());
        (await CreateAsync("telegram", new { botToken = "123456789:AAHdemoTokenForTheLocalFakeOnly00000", chatId = "-100123", apiBaseUrl = "http://gateway.example.test:8081" })).Expect(201);
    }
}
