using System.Text.Json.Nodes;
using Notifications.Fakes;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Webhooks;

/// <summary>
/// The exact request bodies each provider sends for a typical result (fixed time, fixed chart URLs), compared with the
/// reviewed files in Golden/. Set UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
/// </summary>
public sealed class GoldenPayloadTests(AzuriteFixture azurite) : FakesTest(azurite)
{
    [Theory]
    [InlineData("slack")]
    [InlineData("teams")]
    [InlineData("discord")]
    [InlineData("telegram")]
    [InlineData("googlechat")]
    public async Task Typical_result_matches_the_golden_payload(string provider)
    {
        var id = await WebhookChannels.CreateAsync(App, Fakes, provider);
        var channel = await WebhookChannels.ChannelAsync(App, id);
        var message = WebhookChannels.Message(WebhookChannels.TypicalMarkdown, charts: 2);

        var preview = await WebhookChannels.Provider(App, provider).PreviewAsync(channel, null, message, default);

        Assert.Equal("application/json", preview.ContentType);
        var path = Path.Combine(RepoPaths.Root, "tests", "Notifications.Tests", "Channels", "Webhooks", "Golden", $"{provider}.json");
        var actual = JsonNode.Parse(preview.Body)!;
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
            await File.WriteAllTextAsync(path, preview.Body + "\n");
        var expected = JsonNode.Parse(await File.ReadAllTextAsync(path))!;
        Assert.True(JsonNode.DeepEquals(expected, actual), $"{provider} payload differs from Golden/{provider}.json:\n{preview.Body}");
        Assert.Empty(Fakes.Recorded.For(provider)); // a preview sends nothing
    }

    [Fact]
    public async Task Preview_endpoint_returns_the_split_telegram_requests_and_sends_nothing()
    {
        var id = await WebhookChannels.CreateAsync(App, Fakes, "telegram");
        var markdown = string.Join("\n\n", Enumerable.Range(1, 120).Select(i => $"Paragraph {i}: the quick brown fox jumps over the lazy dog."));

        var result = await App.Channels.PreviewAsync(id, AdminCalls.Json(new { markdown, outcome = "success", scheduleName = "Weekly", prompt = "Summarise" }), default);

        Assert.Equal(200, result.Status);
        var requests = JsonNode.Parse(result.Body)!.AsArray();
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("sendMessage", r!["method"]!.GetValue<string>()));
        Assert.Contains("Paragraph 1:", requests[0]!["body"]!["text"]!.GetValue<string>());
        Assert.Contains("Paragraph 120:", requests[1]!["body"]!["text"]!.GetValue<string>());
        Assert.Empty(Fakes.Recorded.For("telegram"));
    }

    [Fact]
    public async Task Preview_of_a_failed_run_shows_the_error_in_each_dialect()
    {
        foreach (var provider in WebhookChannels.Providers)
        {
            var id = await WebhookChannels.CreateAsync(App, Fakes, provider);
            var result = await App.Channels.PreviewAsync(id, AdminCalls.Json(new { markdown = "Agent timed out after 120 s", outcome = "failure", scheduleName = "Nightly" }), default);
            Assert.Equal(200, result.Status);
            Assert.Contains("Nightly: failed", result.Body);
            Assert.Contains("Agent timed out after 120 s", result.Body);
        }
    }
}
