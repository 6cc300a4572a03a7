using System.Text.Json.Nodes;
using Notifications.Channels;
using Notifications.Fakes;
using Notifications.Fakes.AzureEmail;
using Notifications.Fakes.Graph;
using Notifications.Fakes.SendGrid;
using Notifications.Messages;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Email;

/// <summary>Creating email channels against the fakes through the admin API, and messages with charts of chosen sizes.</summary>
public static class EmailTestData
{
    public static async Task<string> CreateChannelAsync(this TestApp app, string provider, object settings, string name = "Email")
    {
        var result = await app.Channels.CreateAsync(AdminCalls.Json(new { name, provider, settings }), default);
        return result.Expect(201)["id"]!.GetValue<string>();
    }

    public static Task<string> CreateSendGridAsync(this TestApp app, FakeProviders fakes, string apiKey = FakeSendGrid.FullAccessKey,
        string sender = "reports@example.test", string? baseUrl = null) =>
        app.CreateChannelAsync("sendgrid", new { apiKey, senderAddress = sender, senderName = "Reports", baseUrl = baseUrl ?? fakes.SendGridBaseUrl.ToString() });

    public static Task<string> CreateAcsAsync(this TestApp app, FakeProviders fakes, string? connectionString = null,
        string sender = "DoNotReply@notify.example.test") =>
        app.CreateChannelAsync("acs", new { connectionString = connectionString ?? fakes.AcsConnectionString(), senderAddress = sender });

    public static Task<string> CreateGraphAsync(this TestApp app, FakeProviders fakes, string clientId = FakeGraph.MailSendClientId,
        string clientSecret = FakeGraph.MailSendSecret, string sender = "reports@contoso.test", string? graphUrl = null, string? authorityUrl = null) =>
        app.CreateChannelAsync("graph", new
        {
            tenantId = FakeGraph.TenantId, clientId, clientSecret, senderUpn = sender,
            authorityUrl = authorityUrl ?? fakes.GraphAuthorityUrl.ToString(), graphUrl = graphUrl ?? fakes.GraphUrl.ToString(),
        });

    /// <summary>Test Connection without a body, or Send Test Email with a recipient; returns the result object.</summary>
    public static async Task<JsonObject> TestChannelAsync(this TestApp app, string channelId, string? recipient = null) =>
        (await app.Channels.TestAsync(channelId, recipient is null ? null : AdminCalls.Json(new { recipient }), default)).Expect(200);

    public static TestOutcome Outcome(this JsonObject result) => Enum.Parse<TestOutcome>(result["outcome"]!.GetValue<string>());

    public static async Task<SendResult> SendAsync(this TestApp app, string channelId, string target, NotificationMessage message)
    {
        var channel = (await app.Get<ChannelRepository>().FindAsync(channelId, default))!;
        return await app.Get<ChannelProviderRegistry>().Get(channel.Provider).SendAsync(channel, target, message, default);
    }

    /// <summary>A chart whose "PNG" is the PNG signature followed by <paramref name="bytes"/> of noise (providers do not decode it).</summary>
    public static ChartAttachment Chart(int index, int bytes)
    {
        var png = new byte[bytes];
        new Random(index).NextBytes(png);
        byte[] signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        signature.CopyTo(png, 0);
        return new ChartAttachment(index, $"chart-{index}.run1@notifications", $"chart-{index}.png", $"Chart {index}", png, null, 700, 500);
    }

    public static NotificationMessage Message(string markdown = "## Revenue\n\n| Month | Total |\n|---|---|\n| Nov | 42 |",
        string scheduleName = "Morning report", params ChartAttachment[] charts) =>
        new("run1", scheduleName, "Monthly revenue report", true, TestApp.Start, markdown, null, charts, 0);
}
