using Notifications.Api;
using Notifications.Tests.Support;

namespace Notifications.Tests.Api;

public sealed class ProvidersApiTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Each_provider_lists_its_settings_and_which_are_secret()
    {
        await using var app = await TestApp.StartAsync(azurite.ConnectionString, null);
        var list = JsonBodyOf(await app.Get<ProvidersApi>().ListAsync(default));

        Assert.Equal(["acs", "discord", "googlechat", "graph", "sendgrid", "slack", "smtp", "teams", "telegram"],
            list.Select(p => p!["id"]!.GetValue<string>()));
        string Fields(string id, bool secret) => string.Join(",", list.Single(p => p!["id"]!.GetValue<string>() == id)!["settings"]!.AsArray()
            .Where(f => f!["secret"]!.GetValue<bool>() == secret).Select(f => f!["name"]!.GetValue<string>()).Order());
        Assert.Equal("botToken", Fields("telegram", secret: true));
        Assert.Contains("chatId", Fields("telegram", secret: false));
        Assert.Equal("webhookUrl", Fields("slack", secret: true));
        Assert.Equal("password", Fields("smtp", secret: true));
        Assert.Contains("useTls", Fields("smtp", secret: false));
        Assert.Equal("Email", list.Single(p => p!["id"]!.GetValue<string>() == "smtp")!["kind"]!.GetValue<string>());
    }

    private static System.Text.Json.Nodes.JsonArray JsonBodyOf(ApiResult result) =>
        System.Text.Json.Nodes.JsonNode.Parse(result.Body)!.AsArray();
}
