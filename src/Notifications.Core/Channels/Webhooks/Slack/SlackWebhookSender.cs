using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Notifications.Api;
using Notifications.Messages;

namespace Notifications.Channels.Webhooks.Slack;

/// <summary>
/// Slack incoming webhook with Block Kit: a header, the Prompt and Completed fields, the result in sections,
/// and one image block per chart by Blob URL. Always a top-level text (Slack's notification and fallback).
/// </summary>
public sealed class SlackWebhookSender(WebhookClient client, IOptions<WebhookOptions> options, TimeProvider time)
    : ChannelProvider<SlackSettings>
{
    public const int HeaderLimit = 150;
    public const int SectionLimit = 3000;
    public const int FieldLimit = 2000;
    public const int BlockLimit = 50;
    /// <summary>The top-level text is the notification preview; keep it short.</summary>
    public const int FallbackTextLimit = 1000;

    public override string Id => "slack";
    public override ChannelKind Kind => ChannelKind.Webhook;

    protected override void Validate(SlackSettings s, ValidationProblems problems)
    {
        if (s.WebhookUrl is { } url && url.Contains("hooks.slack.com/triggers/", StringComparison.OrdinalIgnoreCase))
        {
            problems.Error("webhookUrl", "This is a Workflow Builder trigger URL, which only accepts the variables its workflow defines. " +
                "Use an incoming webhook URL (https://hooks.slack.com/services/…) from a Slack app with Incoming Webhooks enabled.");
            return;
        }
        WebhookUrls.Check(s.WebhookUrl, "webhookUrl", IsSlackShape, "https://hooks.slack.com/services/T…/B…/…", options.Value, problems);
    }

    private static bool IsSlackShape(Uri uri)
    {
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        return uri.Host == "hooks.slack.com" && segments.Length == 4 && segments[0] == "services"
            && segments[1].StartsWith('T') && segments[2].StartsWith('B') && segments[3].Length > 0;
    }

    protected override async Task<SendResult> SendAsync(SlackSettings settings, string? target, NotificationMessage message, CancellationToken ct)
    {
        var response = await client.PostJsonAsync(new Uri(settings.WebhookUrl!), Payload(message).ToJsonString(WebhookJson.Compact), ct);
        return Classify(response);
    }

    protected override async Task<ConnectionTestResult> TestAsync(SlackSettings settings, string? recipient, CancellationToken ct)
    {
        var response = await client.PostJsonAsync(new Uri(settings.WebhookUrl!), Payload(NotificationMessage.Sample(time.GetUtcNow())).ToJsonString(WebhookJson.Compact), ct);
        return WebhookTestOutcomes.From("Slack", response, r => r switch
        {
            { StatusCode: 404 or 403 or 410 } => WebhookTestOutcomes.UrlExpired("Slack", r,
                "The webhook URL was revoked or has expired, or its channel was archived: create a new incoming webhook."),
            { StatusCode: 400 } => WebhookTestOutcomes.FormatBroken("Slack", r),
            { IsSuccess: true } when r.Body.Trim() is not ("ok" or "") => WebhookTestOutcomes.FormatBroken("Slack", r),
            _ => null,
        });
    }

    protected override Task<PreviewResult> PreviewAsync(SlackSettings settings, string? target, NotificationMessage message, CancellationToken ct) =>
        Task.FromResult(new PreviewResult("application/json", Payload(message).ToJsonString(WebhookJson.Indented)));

    /// <summary>Slack answers 200 "ok"; its error texts (invalid_blocks, no_text, channel_not_found, …) are permanent.</summary>
    private static SendResult Classify(WebhookResponse response)
    {
        if (response.IsSuccess && response.Body.Trim() != "ok" && response.Body.Length > 0)
            return SendResult.Permanent($"Slack answered 200 with '{WebhookClient.Shorten(response.Body)}'", 200);
        return WebhookClient.Classify(response, "Slack");
    }

    public static JsonObject Payload(NotificationMessage message)
    {
        var blocks = new JsonArray
        {
            new JsonObject
            {
                ["type"] = "header",
                ["text"] = PlainText(TextLimits.Truncate(message.Title, HeaderLimit)),
            },
            new JsonObject
            {
                ["type"] = "section",
                ["fields"] = new JsonArray(
                    Mrkdwn(AngleLinkText.Truncate($"*Prompt*\n{Escape(message.Prompt)}", FieldLimit)),
                    Mrkdwn($"*Completed*\n{message.CompletedText}")),
            },
        };

        var linked = message.Charts.Where(c => c.Url is not null).ToList();
        // Half the 50 blocks at most go to images; one more block says how many charts did not fit.
        var imageBlocks = linked.Take(BlockLimit / 2 - 1).ToList();
        var notShown = linked.Count - imageBlocks.Count;
        var sectionRoom = BlockLimit - blocks.Count - imageBlocks.Count - (notShown > 0 ? 1 : 0);
        var sections = AngleLinkText.Split(SlackMrkdwn.Instance.Render(message.Markdown), SectionLimit);
        if (sections.Count > sectionRoom)
        {
            sections = sections.Take(sectionRoom).ToList();
            // One request, truncated: a retry of a split message could post its first part twice.
            sections[^1] = TextLimits.MarkTruncated(sections[^1], SectionLimit, AngleLinkText.Atoms, AngleLinkText.Fence);
        }
        foreach (var section in sections)
            blocks.Add(new JsonObject { ["type"] = "section", ["text"] = Mrkdwn(section) });
        foreach (var chart in imageBlocks)
            blocks.Add(new JsonObject
            {
                ["type"] = "image",
                ["image_url"] = chart.Url!.ToString(),
                ["alt_text"] = TextLimits.Truncate(chart.AltText, 2000),
                ["title"] = PlainText(TextLimits.Truncate(chart.AltText, 2000)),
            });
        if (notShown > 0)
            blocks.Add(new JsonObject
            {
                ["type"] = "section",
                ["text"] = Mrkdwn($"_{notShown} more chart(s) are not shown: a Slack message holds at most {BlockLimit} blocks._"),
            });

        return new JsonObject
        {
            ["text"] = AngleLinkText.Truncate(Escape($"{message.Title}: {ResultMarkdown.ToPlainText(message.Markdown)}"), FallbackTextLimit),
            ["blocks"] = blocks,
        };
    }

    private static string Escape(string text) => MarkdownTextRenderer.BreakMassMentions(SlackMrkdwn.Instance.Escape(text));

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
}
