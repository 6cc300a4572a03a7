using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Notifications.Api;
using Notifications.Messages;

namespace Notifications.Channels.Webhooks.Telegram;

/// <summary>
/// Telegram through the Bot API, in HTML parse mode. With a chart: sendPhoto (multipart) with the start of the text as
/// its caption (1024), then the rest in sendMessage parts of 4096; further charts follow as photos. A long result is
/// split, not truncated, and the parts already accepted are recorded (<see cref="SendProgress"/>) so a retry resumes
/// after them. The bot token is part of every URL: it is never logged and never put in a result.
/// </summary>
public sealed partial class TelegramBotSender(WebhookClient client, SendProgress progress, IOptions<WebhookOptions> options, TimeProvider time)
    : ChannelProvider<TelegramSettings>
{
    public const string DefaultApiBaseUrl = "https://api.telegram.org";
    public const int MessageLimit = 4096;
    public const int CaptionLimit = 1024;
    public const int PromptLimit = 500;
    /// <summary>Sent with each request so the local fake can group the parts of one delivery; Telegram ignores it.</summary>
    public const string PartHeader = "X-Notification-Part";

    public override string Id => "telegram";
    public override ChannelKind Kind => ChannelKind.Webhook;

    [GeneratedRegex(@"^\d{5,}:[A-Za-z0-9_-]{30,}$")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$")]
    private static partial Regex ChatShape();

    protected override void Validate(TelegramSettings s, ValidationProblems problems)
    {
        if (problems.Require("botToken", s.BotToken, "Bot token") && !TokenShape().IsMatch(s.BotToken!.Trim()))
            problems.Error("botToken", "Not a bot token. @BotFather gives tokens like 123456789:AAH…; paste it whole.");
        if (problems.Require("chatId", s.ChatId, "Chat id") && !ChatShape().IsMatch(s.ChatId!.Trim()))
            problems.Error("chatId", "Not a chat id. Use the numeric id (e.g. -1001234567890 for a channel or supergroup) or a public channel's @username.");
        if (string.IsNullOrWhiteSpace(s.ApiBaseUrl)) return;
        if (!Uri.TryCreate(s.ApiBaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            problems.Error("apiBaseUrl", $"Not a valid URL. Leave it empty for {DefaultApiBaseUrl}.");
        else if (WebhookUrls.IsAllowlisted(uri, options.Value)) return;
        else if (uri.Scheme != "https") problems.Error("apiBaseUrl", "A Bot API server must be reached over https.");
        else if (uri.Host != "api.telegram.org")
            problems.Error("apiBaseUrl", $"A self-hosted Bot API server must be listed in {WebhookOptions.Section}:AllowedHosts. Leave it empty for {DefaultApiBaseUrl}.");
    }

    /// <summary>One Bot API call: its method, its fields, and for sendPhoto the chart uploaded as "photo".</summary>
    public sealed record Part(string Method, JsonObject Fields, ChartAttachment? Photo);

    protected override async Task<SendResult> SendAsync(TelegramSettings settings, string? target, NotificationMessage message, CancellationToken ct)
    {
        var parts = Parts(settings.ChatId!.Trim(), message);
        var key = SendProgress.Key(message.RunId, $"telegram:{BotId(settings)}:{settings.ChatId}", parts.Select(p => p.Method + p.Fields.ToJsonString()));
        var done = await progress.DoneAsync(key, ct);
        for (var i = done; i < parts.Count; i++)
        {
            var result = Classify(await PostAsync(settings, parts[i], i, parts.Count, ct));
            if (result.Status != SendStatus.Sent)
                return result with { Detail = parts.Count == 1 ? result.Detail : $"part {i + 1} of {parts.Count}: {result.Detail}" };
            if (parts.Count > 1) await progress.RecordAsync(key, i + 1, ct);
        }
        var resumed = done > 0 ? $", resuming after part {done}" : "";
        return SendResult.Sent($"Telegram accepted {parts.Count - done} of {parts.Count} request(s){resumed}", 200);
    }

    protected override async Task<ConnectionTestResult> TestAsync(TelegramSettings settings, string? recipient, CancellationToken ct)
    {
        var part = Parts(settings.ChatId!.Trim(), NotificationMessage.Sample(time.GetUtcNow()))[0];
        var response = await PostAsync(settings, part, 0, 1, ct);
        var description = WebhookJson.Text(WebhookJson.Parse(response.Body)?["description"]) ?? WebhookClient.Shorten(response.Body);
        return WebhookTestOutcomes.From("Telegram", response, r => r switch
        {
            { StatusCode: 401 or 404 } => new ConnectionTestResult(TestOutcome.AuthFailure, $"Telegram answered {r.StatusCode}: {description}.",
                "The bot token is wrong or was revoked: copy it again from @BotFather (/token)."),
            { StatusCode: 403 } => new ConnectionTestResult(TestOutcome.BotNotInChat, $"Telegram answered 403: {description}.",
                "Add the bot to the chat (as an administrator for a channel), or start a conversation with it, then test again."),
            { StatusCode: 400 } when description.Contains("chat not found", StringComparison.OrdinalIgnoreCase) => new ConnectionTestResult(
                TestOutcome.BotNotInChat, $"Telegram answered 400: {description}.",
                "Check the chat id, and that the bot was added to that chat: a bot cannot see chats it is not in."),
            { StatusCode: 400 } => new ConnectionTestResult(TestOutcome.FormatBroken, $"Telegram refused the message: {description}.",
                "Check that the channel's provider is Telegram and the API base URL points at a Bot API server."),
            { IsSuccess: true } when WebhookJson.Parse(r.Body)?["ok"]?.GetValueKind() != System.Text.Json.JsonValueKind.True =>
                WebhookTestOutcomes.FormatBroken("Telegram", r),
            _ => null,
        });
    }

    protected override Task<PreviewResult> PreviewAsync(TelegramSettings settings, string? target, NotificationMessage message, CancellationToken ct)
    {
        var requests = new JsonArray();
        foreach (var part in Parts(settings.ChatId?.Trim() ?? "", message))
        {
            var body = (JsonObject)part.Fields.DeepClone();
            if (part.Photo is { } photo) body["photo"] = $"(file {photo.FileName}, image/png, {photo.Png.Length} bytes)";
            requests.Add(new JsonObject { ["method"] = part.Method, ["body"] = body });
        }
        return Task.FromResult(new PreviewResult("application/json", requests.ToJsonString(WebhookJson.Indented)));
    }

    /// <summary>Telegram answers {"ok":true,…}; errors carry error_code and description, 429 parameters.retry_after.</summary>
    public static SendResult Classify(WebhookResponse response)
    {
        if (response.TransportError is not null) return WebhookClient.Classify(response, "Telegram");
        var json = WebhookJson.Parse(response.Body);
        if (response.IsSuccess && json?["ok"]?.GetValueKind() == System.Text.Json.JsonValueKind.True)
            return SendResult.Sent("Telegram answered ok", response.StatusCode);
        var description = WebhookJson.Text(json?["description"]) ?? WebhookClient.Shorten(response.Body);
        var code = json?["error_code"] is JsonValue v && v.TryGetValue<int>(out var c) ? c : response.StatusCode ?? 0;
        if (code == 429)
            return SendResult.Transient($"Telegram rate-limited the request (429): {description}", 429,
                WebhookJson.Seconds(json?["parameters"]?["retry_after"]) ?? response.RetryAfter);
        if (code >= 500) return SendResult.Transient($"Telegram answered {code}: {description}", code, response.RetryAfter);
        return SendResult.Permanent($"Telegram refused the message: {code} {description}", code);
    }

    public static List<Part> Parts(string chatId, NotificationMessage message)
    {
        var r = TelegramHtml.Instance;
        var head = $"<b>{r.Escape(message.Title)}</b>\n<b>Prompt:</b> {r.Escape(TextLimits.Truncate(message.Prompt, PromptLimit))}\n<b>Completed:</b> {message.CompletedText}";
        var body = r.Render(message.Markdown);
        var html = body.Length > 0 ? $"{head}\n\n{body}" : head;
        var first = message.Charts.FirstOrDefault();
        var chunks = HtmlChunks.Split(html, first is null ? MessageLimit : CaptionLimit, MessageLimit);

        var parts = new List<Part>();
        var texts = chunks.AsEnumerable();
        if (first is not null)
        {
            parts.Add(Photo(chatId, first, chunks[0]));
            texts = chunks.Skip(1);
        }
        foreach (var text in texts)
            parts.Add(new Part("sendMessage", new JsonObject
            {
                ["chat_id"] = chatId, ["text"] = text, ["parse_mode"] = "HTML",
                ["link_preview_options"] = new JsonObject { ["is_disabled"] = true },
            }, null));
        foreach (var chart in message.Charts.Skip(1))
            parts.Add(Photo(chatId, chart, r.Escape(TextLimits.Truncate(chart.AltText, CaptionLimit / 2))));
        return parts;
    }

    private static Part Photo(string chatId, ChartAttachment chart, string caption) =>
        new("sendPhoto", new JsonObject { ["chat_id"] = chatId, ["caption"] = caption, ["parse_mode"] = "HTML" }, chart);

    private Task<WebhookResponse> PostAsync(TelegramSettings settings, Part part, int index, int count, CancellationToken ct)
    {
        HttpContent content;
        if (part.Photo is { } photo)
        {
            var form = new MultipartFormDataContent();
            foreach (var (name, value) in part.Fields) form.Add(new StringContent(value!.GetValue<string>(), Encoding.UTF8), name);
            var file = new ByteArrayContent(photo.Png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(file, "photo", photo.FileName);
            content = form;
        }
        else content = new StringContent(part.Fields.ToJsonString(WebhookJson.Compact), Encoding.UTF8, "application/json");
        content.Headers.TryAddWithoutValidation(PartHeader, $"{index + 1}/{count}");
        var baseUrl = string.IsNullOrWhiteSpace(settings.ApiBaseUrl) ? DefaultApiBaseUrl : settings.ApiBaseUrl.TrimEnd('/');
        return client.SendAsync(new Uri($"{baseUrl}/bot{settings.BotToken!.Trim()}/{part.Method}"), content, ct);
    }

    /// <summary>The bot's public id (the token's part before ':'), enough to tell destinations apart without the secret.</summary>
    private static string BotId(TelegramSettings s) => s.BotToken?.Split(':')[0] ?? "";
}
