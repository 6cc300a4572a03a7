using Azure.Data.Tables;
using Notifications.Fakes;
using Notifications.Tests.Support;

namespace Notifications.Tests.Api;

/// <summary>Secrets go in and never come out: not in API answers, not in logs, not in clear text in the table.</summary>
public sealed class SecretsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string Password = "S3cret-Pa55word!";
    private const string SlackToken = "xoxSecretWebhookToken9";

    [Fact]
    public async Task Secrets_never_appear_in_responses_logs_or_storage()
    {
        await using var agent = await SampleAgentServer.StartAsync();
        await using var fakes = await FakeProviders.StartAsync();
        await using var app = await TestApp.StartAsync(azurite.ConnectionString, agent.Url);
        var smtp = await SharedSmtp4dev.GetAsync();

        var responses = new List<string>();
        var emailCreate = await app.Channels.CreateAsync(AdminCalls.Json(new
        {
            name = "Default", provider = "smtp",
            settings = new { server = "127.0.0.1", port = smtp.SmtpPort, username = "reports", password = Password, senderAddress = "r@example.test" },
        }), default);
        responses.Add(emailCreate.Body);
        var email = emailCreate.Expect(201)["id"]!.GetValue<string>();
        var slackUrl = fakes.SlackWebhookUrl(SlackToken).ToString();
        var slackCreate = await app.Channels.CreateAsync(AdminCalls.Json(new { name = "Eng", provider = "slack", settings = new { webhookUrl = slackUrl } }), default);
        responses.Add(slackCreate.Body);
        var slack = slackCreate.Expect(201)["id"]!.GetValue<string>();
        Assert.Equal(["password"], emailCreate.Body()["secretsConfigured"]!.AsArray().Select(n => n!.GetValue<string>()));

        // An update without the secret keeps it; the answer still does not show it.
        var update = await app.Channels.UpdateAsync(email, AdminCalls.Json(new
        {
            name = "Default (renamed)", provider = "smtp",
            settings = new { server = "127.0.0.1", port = smtp.SmtpPort, username = "reports", senderAddress = "r@example.test" },
        }), default);
        responses.Add(update.Expect(200).ToJsonString());
        responses.Add((await app.Channels.GetAsync(email, default)).Body);
        responses.Add((await app.Channels.GetAsync(slack, default)).Body);
        responses.Add((await app.Channels.ListAsync(default)).Body);
        responses.Add((await app.Channels.CreateAsync(AdminCalls.Json(new { name = "Bad", provider = "slack", settings = new { webhookUrl = "https://example.com/" + SlackToken } }), default)).Body);

        var recipient = SharedSmtp4dev.UniqueRecipient("secrets");
        var schedule = await app.CreateScheduleAsync("echo: ok",
            new { channelId = email, target = recipient, condition = "Always" }, new { channelId = slack, condition = "Always" });
        var run = await app.RunNowAndPumpAsync(schedule);
        responses.Add(run.ToJsonString());
        responses.Add((await app.Schedules.GetAsync(schedule, default)).Body);

        // smtp4dev accepts any credentials here; the kept password was still used (the delivery was sent).
        Assert.All(run["deliveries"]!.AsArray(), d => Assert.Equal("Sent", d!["status"]!.GetValue<string>()));
        foreach (var body in responses)
        {
            Assert.DoesNotContain(Password, body);
            Assert.DoesNotContain(SlackToken, body);
        }
        Assert.DoesNotContain(Password, app.Logs.AllText);
        Assert.DoesNotContain(SlackToken, app.Logs.AllText);

        await foreach (var entity in app.Storage.Channels.QueryAsync<TableEntity>())
        {
            var raw = string.Join("|", entity.Select(kv => $"{kv.Key}={kv.Value}"));
            Assert.DoesNotContain(Password, raw);
            Assert.DoesNotContain(SlackToken, raw);
            Assert.StartsWith("test:", entity.GetString("Secrets"));
        }
    }
}

public sealed class KeyRotationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Channels_whose_key_is_gone_still_list_and_delete_and_show_no_secrets()
    {
        await using (var before = await TestApp.StartAsync(azurite.ConnectionString, null,
            new Dictionary<string, string?> { ["ChannelSecrets:ActiveKeyId"] = "old", ["ChannelSecrets:Keys:old"] = Convert.ToBase64String(Enumerable.Repeat((byte)7, 32).ToArray()) }))
        {
            await before.CreateSmtpChannelAsync(25, password: "kept-in-old-key", name: "Old key");
        }
        await using var after = await TestApp.StartAsync(azurite.ConnectionString, null); // only the "test" key now

        var list = (await after.Channels.ListAsync(default));
        Assert.Equal(200, list.Status);
        var channel = System.Text.Json.Nodes.JsonNode.Parse(list.Body)!.AsArray().Single(c => c!["name"]!.GetValue<string>() == "Old key")!;
        Assert.Empty(channel["secretsConfigured"]!.AsArray());
        Assert.Contains(after.Logs.Lines, l => l.Contains("cannot be decrypted", StringComparison.Ordinal));
        (await after.Channels.DeleteAsync(channel["id"]!.GetValue<string>(), default)).Expect(204);
    }
}
