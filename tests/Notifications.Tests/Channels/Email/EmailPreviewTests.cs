using System.Text.Json.Nodes;
using Notifications.Fakes.AzureEmail;
using Notifications.Fakes.Graph;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Email;

/// <summary>Preview returns each JSON provider's exact request body and sends nothing; SMTP's timeout is validated.</summary>
public sealed class EmailPreviewTests(AzuriteFixture azurite) : FakesTest(azurite)
{
    private const string Chart = "Intro\n\n```plotly\n{\"data\":[{\"type\":\"bar\",\"x\":[\"a\",\"b\"],\"y\":[1,2]}]}\n```\n\nDone.";

    [Fact]
    public async Task Acs_preview_is_the_emails_send_body_with_inline_charts()
    {
        var id = await App.CreateAcsAsync(Fakes);

        var preview = await App.Channels.PreviewAsync(id, AdminCalls.Json(new { markdown = Chart, target = "a@example.test", scheduleName = "Ops\nDaily" }), default);

        Assert.Equal("application/json", preview.ContentType);
        var body = JsonNode.Parse(preview.Body)!;
        Assert.Equal("DoNotReply@notify.example.test", body["senderAddress"]!.GetValue<string>());
        Assert.Equal("Ops Daily: succeeded", body["content"]!["subject"]!.GetValue<string>());
        var attachment = Assert.Single(body["attachments"]!.AsArray());
        Assert.Contains($"cid:{attachment!["contentId"]!.GetValue<string>()}", body["content"]!["html"]!.GetValue<string>());
        Assert.Null(FakeAcs.Check(body.AsObject())); // the fake's schema accepts it
        Assert.Empty(Fakes.Recorded.For(FakeAcs.Provider));
    }

    [Fact]
    public async Task Graph_preview_is_the_send_mail_body_with_inline_charts()
    {
        var id = await App.CreateGraphAsync(Fakes);

        var preview = await App.Channels.PreviewAsync(id, AdminCalls.Json(new { markdown = Chart, target = "a@example.test", outcome = "failure" }), default);

        Assert.Equal("application/json", preview.ContentType);
        var message = JsonNode.Parse(preview.Body)!["message"]!.AsObject();
        Assert.Equal("Preview: failed", message["subject"]!.GetValue<string>());
        Assert.Null(FakeGraph.Check(message));
        Assert.Empty(Fakes.Recorded.For(FakeGraph.Provider));
    }

    [Fact]
    public async Task Smtp_timeout_out_of_range_is_refused_on_the_field()
    {
        var result = await App.Channels.CreateAsync(AdminCalls.Json(new
        {
            name = "Bad", provider = "smtp", settings = new { server = "127.0.0.1", port = 25, senderAddress = "a@example.test", timeoutSeconds = 0 },
        }), default);

        Assert.True(result.Expect(400)["errors"]!.AsObject().ContainsKey("settings.timeoutSeconds"));
    }
}
