using System.Text;
using System.Text.Json.Nodes;
using System.Web;
using Microsoft.Extensions.Options;
using Notifications.Api;
using Notifications.Messages;

namespace Notifications.Channels.Webhooks.GoogleChat;

/// <summary>
/// Google Chat incoming webhook: one text message in Chat's own syntax (<c>*bold*</c>, <c>&lt;url|text&gt;</c>), with a
/// link to each chart. One request per delivery, truncated to 4096 characters (and 32,000 bytes).
/// </summary>
public sealed class GoogleChatWebhookSender(WebhookClient client, IOptions<WebhookOptions> options, TimeProvider time)
    : ChannelProvider<GoogleChatSettings>
{
    public const int TextLimit = 4096;
    public const int ByteLimit = 32_000;
    public const int PromptLimit = 500;

    public override string Id => "googlechat";
    public override ChannelKind Kind => ChannelKind.Webhook;

    protected override void Validate(GoogleChatSettings s, ValidationProblems problems) =>
        WebhookUrls.Check(s.WebhookUrl, "webhookUrl", IsGoogleChatShape, "https://chat.googleapis.com/v1/spaces/…/messages?key=…&token=…",
            options.Value, problems);

    private static bool IsGoogleChatShape(Uri uri)
    {
        var s = uri.AbsolutePath.Trim('/').Split('/');
        var query = HttpUtility.ParseQueryString(uri.Query);
        return uri.Host == "chat.googleapis.com" && s.Length == 4 && s[0] == "v1" && s[1] == "spaces" && s[2].Length > 0 && s[3] == "messages"
            && !string.IsNullOrEmpty(query["key"]) && !string.IsNullOrEmpty(query["token"]);
    }

    protected override async Task<SendResult> SendAsync(GoogleChatSettings settings, string? target, NotificationMessage message, CancellationToken ct) =>
        WebhookClient.Classify(await client.PostJsonAsync(new Uri(settings.WebhookUrl!), Payload(message).ToJsonString(WebhookJson.Compact), ct), "Google Chat");

    protected override async Task<ConnectionTestResult> TestAsync(GoogleChatSettings settings, string? recipient, CancellationToken ct)
    {
        var response = await client.PostJsonAsync(new Uri(settings.WebhookUrl!), Payload(NotificationMessage.Sample(time.GetUtcNow())).ToJsonString(WebhookJson.Compact), ct);
        return WebhookTestOutcomes.From("Google Chat", response, r => r.StatusCode switch
        {
            401 or 403 or 404 => WebhookTestOutcomes.UrlExpired("Google Chat", r,
                "The webhook was deleted from the space, or its key or token is wrong: copy the URL again from Apps & integrations → Webhooks."),
            400 => WebhookTestOutcomes.FormatBroken("Google Chat", r),
            _ => null,
        });
    }

    protected override Task<PreviewResult> PreviewAsync(GoogleChatSettings settings, string? target, NotificationMessage message, CancellationToken ct) =>
        Task.FromResult(new PreviewResult("application/json", Payload(message).ToJsonString(WebhookJson.Indented)));

    public static JsonObject Payload(NotificationMessage message)
    {
        var r = GoogleChatText.Instance;
        var head = $"*{Escape(message.Title)}*\n*Prompt:* {AngleLinkText.Truncate(Escape(message.Prompt), PromptLimit)}\n*Completed:* {message.CompletedText}";
        var charts = string.Join("\n", message.Charts.Where(c => c.Url is not null)
            .Select(c => $"📊 <{r.Escape(c.Url!.ToString())}|{Escape(TextLimits.Truncate(NotificationMessage.SingleLine(c.AltText), 200)).Replace('|', '¦')}>"));
        var tail = charts.Length > 0 ? "\n\n" + charts : "";
        var room = TextLimit - head.Length - tail.Length - 2;
        var body = AngleLinkText.Truncate(r.Render(message.Markdown), Math.Max(room, 0));
        // Bytes can only bind for text far outside the BMP-heavy norm; shrink until both limits hold.
        while (Encoding.UTF8.GetByteCount(Text(head, body, tail)) > ByteLimit && body.Length > 0)
            body = AngleLinkText.Truncate(body, body.Length * 9 / 10);
        return new JsonObject { ["text"] = Text(head, body, tail) };
    }

    private static string Text(string head, string body, string tail) => body.Length > 0 ? $"{head}\n\n{body}{tail}" : head + tail;

    private static string Escape(string text) => MarkdownTextRenderer.BreakMassMentions(GoogleChatText.Instance.Escape(text));
}
