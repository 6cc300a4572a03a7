using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Notifications.Api;
using Notifications.Messages;

namespace Notifications.Channels.Webhooks.Teams;

/// <summary>
/// Microsoft Teams through a Workflows webhook ("Post to a channel when a webhook request is received"): an Adaptive
/// Card 1.5 in the message envelope, with a FactSet for Prompt and Completed, the result in TextBlocks and one Image per
/// chart by URL. One request per delivery, kept under 28 KB by truncating the result.
/// </summary>
public sealed partial class TeamsWebhookSender(WebhookClient client, IOptions<WebhookOptions> options, TimeProvider time)
    : ChannelProvider<TeamsSettings>
{
    /// <summary>Teams refuses payloads of 28 KB and more; the card is built to stay below this many UTF-8 bytes.</summary>
    public const int PayloadLimitBytes = 28 * 1024;
    private const int TargetBytes = PayloadLimitBytes - 512;
    public const int PromptLimit = 1000;

    public override string Id => "teams";
    public override ChannelKind Kind => ChannelKind.Webhook;

    protected override void Validate(TeamsSettings s, ValidationProblems problems)
    {
        var uri = WebhookUrls.Check(s.WebhookUrl, "webhookUrl", u => IsWorkflowsShape(u) || IsLegacyConnector(u),
            "https://….logic.azure.com/workflows/…?…&sig=… or https://….environment.api.powerplatform.com/…?…&sig=…", options.Value, problems);
        if (uri is not null && IsLegacyConnector(uri))
            problems.Warning("webhookUrl", "This is a legacy Office 365 connector URL (…webhook.office.com), which Microsoft is retiring. " +
                "It works for now; replace it with a Workflows webhook: in the channel, … → Workflows → \"Post to a channel when a webhook request is received\".");
    }

    private static bool IsWorkflowsShape(Uri uri) =>
        (uri.Host.EndsWith(".logic.azure.com", StringComparison.OrdinalIgnoreCase)
         || uri.Host.EndsWith(".environment.api.powerplatform.com", StringComparison.OrdinalIgnoreCase))
        && SigParameter().IsMatch(uri.Query);

    private static bool IsLegacyConnector(Uri uri) =>
        uri.Host.EndsWith(".webhook.office.com", StringComparison.OrdinalIgnoreCase)
        || uri.AbsolutePath.Contains("/webhookb2/", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"[?&]sig=[^&]+")]
    private static partial Regex SigParameter();

    protected override async Task<SendResult> SendAsync(TeamsSettings settings, string? target, NotificationMessage message, CancellationToken ct) =>
        Classify(await client.PostJsonAsync(new Uri(settings.WebhookUrl!), Payload(message).ToJsonString(WebhookJson.Compact), ct));

    protected override async Task<ConnectionTestResult> TestAsync(TeamsSettings settings, string? recipient, CancellationToken ct)
    {
        var response = await client.PostJsonAsync(new Uri(settings.WebhookUrl!), Payload(NotificationMessage.Sample(time.GetUtcNow())).ToJsonString(WebhookJson.Compact), ct);
        return WebhookTestOutcomes.From("Microsoft Teams", response, r => r switch
        {
            { StatusCode: 401 or 403 or 404 or 410 } => WebhookTestOutcomes.UrlExpired("Microsoft Teams", r,
                "The workflow was deleted or turned off, or the URL lost its sig= parameter: copy the URL again from the workflow's trigger."),
            { StatusCode: 400 or 415 } => WebhookTestOutcomes.FormatBroken("Microsoft Teams", r),
            { IsSuccess: true } when LegacyError(r.Body) is { } code => code is 429 or >= 500 ? null : code is 400 or 413
                ? WebhookTestOutcomes.FormatBroken("Microsoft Teams", r)
                : WebhookTestOutcomes.UrlExpired("Microsoft Teams", r, "The connector was removed or Microsoft retired it: create a Workflows webhook."),
            _ => null,
        });
    }

    protected override Task<PreviewResult> PreviewAsync(TeamsSettings settings, string? target, NotificationMessage message, CancellationToken ct) =>
        Task.FromResult(new PreviewResult("application/json", Payload(message).ToJsonString(WebhookJson.Indented)));

    /// <summary>
    /// Workflows answer 202; a legacy connector answers 200 "1", and reports its errors as 200 with a text such as
    /// "Microsoft Teams endpoint returned HTTP error 413 …", which is a failure, not a success.
    /// </summary>
    public static SendResult Classify(WebhookResponse response)
    {
        if (response.IsSuccess && LegacyError(response.Body) is { } code)
        {
            var detail = $"Microsoft Teams answered {response.StatusCode} with an error: {WebhookClient.Shorten(response.Body)}";
            return code is 429 or >= 500 ? SendResult.Transient(detail, code, response.RetryAfter) : SendResult.Permanent(detail, code);
        }
        return WebhookClient.Classify(response, "Microsoft Teams");
    }

    /// <summary>The status a legacy connector reports inside a 2xx body, or null when the body is not an error.</summary>
    private static int? LegacyError(string body)
    {
        var text = body.Trim();
        if (text is "" or "1" || text.StartsWith('{')) return null;
        var match = LegacyErrorCode().Match(text);
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            : text.Contains("error", StringComparison.OrdinalIgnoreCase) ? 400 : null;
    }

    [GeneratedRegex(@"HTTP error (\d{3})")]
    private static partial Regex LegacyErrorCode();

    public static JsonObject Payload(NotificationMessage message)
    {
        var blocks = TeamsMarkdown.Instance.RenderBlocks(message.Markdown);
        int Bytes(JsonObject p) => Encoding.UTF8.GetByteCount(p.ToJsonString(WebhookJson.Compact));
        var payload = Envelope(message, Fit(blocks, blocks.Sum(b => b.Text.Length)));
        if (Bytes(payload) <= TargetBytes) return payload;
        // Bytes per char vary (CJK, escaped emoji): find the largest result budget that fits, by bisection.
        int low = 0, high = blocks.Sum(b => b.Text.Length);
        while (low < high)
        {
            var mid = (low + high + 1) / 2;
            if (Bytes(Envelope(message, Fit(blocks, mid))) <= TargetBytes) low = mid;
            else high = mid - 1;
        }
        return Envelope(message, Fit(blocks, low));
    }

    /// <summary>The blocks that fit in <paramref name="budget"/> chars; the last one cut at a safe point and marked.</summary>
    private static List<RenderedBlock> Fit(IReadOnlyList<RenderedBlock> blocks, int budget)
    {
        var kept = new List<RenderedBlock>();
        var left = budget;
        foreach (var block in blocks)
        {
            if (block.Text.Length <= left)
            {
                kept.Add(block);
                left -= block.Text.Length;
                continue;
            }
            var room = Math.Max(left, TextLimits.TruncatedMarker.Length + 1);
            kept.Add(block with { Text = TextLimits.MarkTruncated(block.Text, room, TeamsMarkdown.Atoms) });
            break;
        }
        return kept;
    }

    private static JsonObject Envelope(NotificationMessage message, List<RenderedBlock> result)
    {
        var body = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "TextBlock", ["text"] = message.Title, ["size"] = "Large", ["weight"] = "Bolder", ["wrap"] = true,
                ["color"] = message.Succeeded ? "Good" : "Attention", ["style"] = "heading",
            },
            new JsonObject
            {
                ["type"] = "FactSet",
                ["facts"] = new JsonArray(
                    new JsonObject { ["title"] = "Prompt", ["value"] = TextLimits.Truncate(message.Prompt, PromptLimit) },
                    new JsonObject { ["title"] = "Completed", ["value"] = message.CompletedText }),
            },
        };
        foreach (var block in result)
        {
            var text = new JsonObject { ["type"] = "TextBlock", ["text"] = block.Text, ["wrap"] = true };
            if (block.Preformatted) text["fontType"] = "Monospace";
            body.Add(text);
        }
        foreach (var chart in message.Charts.Where(c => c.Url is not null))
            body.Add(new JsonObject { ["type"] = "Image", ["url"] = chart.Url!.ToString(), ["altText"] = chart.AltText, ["size"] = "Stretch" });

        return new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["contentUrl"] = null,
                ["content"] = new JsonObject
                {
                    ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
                    ["type"] = "AdaptiveCard",
                    ["version"] = "1.5",
                    ["msteams"] = new JsonObject { ["width"] = "Full" },
                    ["body"] = body,
                },
            }),
        };
    }
}
