using System.Text.Json;
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
        var response = await client.PostJsonAsync(new Uri(settings.WebhookUrl!), Payload(message).ToJsonString(), ct);
        return Classify(response);
    }

    protected override async Task<ConnectionTestResult> TestAsync(SlackSettings settings, string? recipient, CancellationToken ct)
    {
        var response = await client.PostJsonAsync(new Uri(settings.WebhookUrl!), Payload(NotificationMessage.Sample(time.GetUtcNow())).ToJsonString(), ct);
        return response switch
        {
            { IsSuccess: true } => new ConnectionTestResult(TestOutcome.Success, "Slack accepted the test message."),
            { TransportError: { } e } when e.StartsWith("no answer", StringComparison.Ordinal) => new ConnectionTestResult(TestOutcome.Timeout,
                $"Slack did not answer: {e}.", "Check the network connection and that the firewall allows outbound HTTPS."),
            { TransportError: { } e } => new ConnectionTestResult(TestOutcome.ConnectionFailure, $"Could not reach Slack: {e}.",
                "Check the webhook URL and that the firewall allows outbound HTTPS."),
            { StatusCode: 404 or 403 or 410 } => new ConnectionTestResult(TestOutcome.UrlExpired, $"Slack answered {response.StatusCode} {response.Body}.",
                "The webhook URL was revoked or has expired, or its channel was archived: create a new incoming webhook."),
            { StatusCode: 400 } => new ConnectionTestResult(TestOutcome.FormatBroken, $"Slack refused the message: {response.Body}.",
                "Check that the channel's provider is Slack."),
            { StatusCode: 429 } => new ConnectionTestResult(TestOutcome.RateLimited, "Slack rate-limited the request.", "Wait a minute and try again."),
            _ => new ConnectionTestResult(TestOutcome.ProviderError, $"Slack answered {response.StatusCode} {response.Body}.", "Try again later."),
        };
    }

    protected override Task<PreviewResult> PreviewAsync(SlackSettings settings, string? target, NotificationMessage message, CancellationToken ct) =>
        Task.FromResult(new PreviewResult("application/json", Payload(message).ToJsonString(new JsonSerializerOptions { WriteIndented = true })));

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
                    Mrkdwn(TextLimits.Truncate($"*Prompt*\n{SlackMrkdwn.Escape(message.Prompt)}", FieldLimit)),
                    Mrkdwn($"*Completed*\n{message.CompletedText}")),
            },
        };

        var imageBlocks = message.Charts.Where(c => c.Url is not null).Take(BlockLimit / 2).ToList();
        var sectionRoom = BlockLimit - blocks.Count - imageBlocks.Count;
        var sections = TextLimits.Split(SlackMrkdwn.Render(message.Markdown), SectionLimit);
        if (sections.Count > sectionRoom)
        {
            sections = sections.Take(sectionRoom).ToList();
            var last = sections[^1];
            sections[^1] = last[..TextLimits.SafeLength(last, SectionLimit - TextLimits.TruncatedMarker.Length - 1)].TrimEnd()
                + "\n" + TextLimits.TruncatedMarker;
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

        return new JsonObject
        {
            ["text"] = SlackMrkdwn.Escape(TextLimits.Truncate($"{message.Title}: {ResultMarkdown.ToPlainText(message.Markdown)}", FallbackTextLimit)),
            ["blocks"] = blocks,
        };
    }

    private static JsonObject PlainText(string text) => new() { ["type"] = "plain_text", ["text"] = text, ["emoji"] = true };

    private static JsonObject Mrkdwn(string text) => new() { ["type"] = "mrkdwn", ["text"] = text };
}
