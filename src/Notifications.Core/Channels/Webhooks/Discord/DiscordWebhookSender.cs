using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Notifications.Api;
using Notifications.Messages;

namespace Notifications.Channels.Webhooks.Discord;

/// <summary>
/// Discord webhook with one embed: title, Prompt and Completed fields, the result as the description, and the first
/// chart as the embed image, uploaded as a multipart attachment so it shows even when Blob Storage is private.
/// One request per delivery: the text is truncated to Discord's limits rather than split.
/// </summary>
public sealed class DiscordWebhookSender(WebhookClient client, IOptions<WebhookOptions> options, TimeProvider time)
    : ChannelProvider<DiscordSettings>
{
    public const int ContentLimit = 2000;
    public const int TitleLimit = 256;
    public const int DescriptionLimit = 4096;
    public const int FieldLimit = 25;
    public const int FieldValueLimit = 1024;
    public const int TotalLimit = 6000;
    /// <summary>Discord's upload limit for webhooks without boosts is 10 MiB; above it the chart goes by URL.</summary>
    public const int MaxUploadBytes = 8 * 1024 * 1024;

    private static readonly HashSet<string> Hosts =
        ["discord.com", "discordapp.com", "ptb.discord.com", "canary.discord.com", "ptb.discordapp.com", "canary.discordapp.com"];

    public override string Id => "discord";
    public override ChannelKind Kind => ChannelKind.Webhook;

    protected override void Validate(DiscordSettings s, ValidationProblems problems) =>
        WebhookUrls.Check(s.WebhookUrl, "webhookUrl", IsDiscordShape, "https://discord.com/api/webhooks/{id}/{token}", options.Value, problems);

    /// <summary>/api/webhooks/{id}/{token}, optionally with an API version (/api/v10/webhooks/…).</summary>
    private static bool IsDiscordShape(Uri uri)
    {
        var s = uri.AbsolutePath.Trim('/').Split('/');
        if (s.Length == 5 && s[0] == "api" && s[1].StartsWith('v')) s = [s[0], .. s[2..]];
        return Hosts.Contains(uri.Host.ToLowerInvariant()) && s.Length == 4 && s[0] == "api" && s[1] == "webhooks"
            && s[2].Length > 0 && s[2].All(char.IsAsciiDigit) && s[3].Length > 0;
    }

    protected override async Task<SendResult> SendAsync(DiscordSettings settings, string? target, NotificationMessage message, CancellationToken ct) =>
        Classify(await client.SendAsync(new Uri(settings.WebhookUrl!), Content(Build(message)), ct));

    protected override async Task<ConnectionTestResult> TestAsync(DiscordSettings settings, string? recipient, CancellationToken ct)
    {
        var response = await client.SendAsync(new Uri(settings.WebhookUrl!), Content(Build(NotificationMessage.Sample(time.GetUtcNow()))), ct);
        return WebhookTestOutcomes.From("Discord", response, r => r.StatusCode switch
        {
            401 or 403 or 404 => WebhookTestOutcomes.UrlExpired("Discord", r,
                "The webhook was deleted or its token is wrong: copy the URL again from the channel's Integrations → Webhooks."),
            400 or 405 or 415 => WebhookTestOutcomes.FormatBroken("Discord", r),
            _ => null,
        });
    }

    protected override Task<PreviewResult> PreviewAsync(DiscordSettings settings, string? target, NotificationMessage message, CancellationToken ct)
    {
        var request = Build(message);
        var preview = new JsonObject { ["payload_json"] = request.Payload };
        if (request.Upload is { } chart)
            preview["files"] = new JsonArray(new JsonObject
            {
                ["name"] = "files[0]", ["filename"] = chart.FileName, ["contentType"] = "image/png", ["length"] = chart.Png.Length,
            });
        return Task.FromResult(new PreviewResult("application/json", preview.ToJsonString(WebhookJson.Indented)));
    }

    /// <summary>Discord answers 204 (200 with ?wait=true); 429 carries retry_after in its body; 400 50035 is permanent.</summary>
    public static SendResult Classify(WebhookResponse response)
    {
        if (response.StatusCode == 429)
        {
            var retryAfter = WebhookJson.Seconds(WebhookJson.Parse(response.Body)?["retry_after"]) ?? response.RetryAfter;
            return SendResult.Transient($"Discord rate-limited the request (429): {WebhookClient.Shorten(response.Body)}", 429, retryAfter);
        }
        return WebhookClient.Classify(response, "Discord");
    }

    public sealed record Request(JsonObject Payload, ChartAttachment? Upload);

    public static Request Build(NotificationMessage message)
    {
        var chart = message.Charts.FirstOrDefault();
        var upload = chart is { Png.Length: > 0 and <= MaxUploadBytes } ? chart : null;
        var title = TextLimits.Truncate(message.Title, TitleLimit);
        var prompt = DiscordMarkdown.Truncate(Escape(message.Prompt), FieldValueLimit);
        var fields = new JsonArray(
            Field("Prompt", prompt.Length > 0 ? prompt : "—", inline: false),
            Field("Completed", message.CompletedText, inline: true));
        var used = title.Length + fields.Sum(f => f!["name"]!.GetValue<string>().Length + f["value"]!.GetValue<string>().Length);
        var description = DiscordMarkdown.Truncate(DiscordMarkdown.Instance.Render(message.Markdown), Math.Min(DescriptionLimit, TotalLimit - used));

        var embed = new JsonObject
        {
            ["title"] = title,
            ["color"] = message.Succeeded ? 0x2EB67D : 0xE01E5A,
            ["fields"] = fields,
            ["timestamp"] = message.CompletedUtc.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (description.Length > 0) embed["description"] = description;
        if (upload is not null) embed["image"] = new JsonObject { ["url"] = $"attachment://{upload.FileName}" };
        else if (chart?.Url is { } url) embed["image"] = new JsonObject { ["url"] = url.ToString() };

        var payload = new JsonObject
        {
            ["embeds"] = new JsonArray(embed),
            // Nobody is pinged, whatever the agent wrote.
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() },
        };
        if (upload is not null)
            payload["attachments"] = new JsonArray(new JsonObject
            {
                ["id"] = 0, ["filename"] = upload.FileName, ["description"] = TextLimits.Truncate(upload.AltText, 1024),
            });
        return new Request(payload, upload);
    }

    private static HttpContent Content(Request request)
    {
        var json = request.Payload.ToJsonString(WebhookJson.Compact);
        if (request.Upload is not { } chart) return new StringContent(json, Encoding.UTF8, "application/json");
        var form = new MultipartFormDataContent
        {
            { new StringContent(json, Encoding.UTF8, "application/json"), "payload_json" },
        };
        var file = new ByteArrayContent(chart.Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "files[0]", chart.FileName);
        return form;
    }

    private static string Escape(string text) => MarkdownTextRenderer.BreakMassMentions(DiscordMarkdown.Instance.Escape(text));

    private static JsonObject Field(string name, string value, bool inline) => new() { ["name"] = name, ["value"] = value, ["inline"] = inline };
}
