using System.Text.Json.Nodes;
using Notifications.Api;
using Notifications.Messages;

namespace Notifications.Runs;

/// <summary>A result given to the preview endpoint: what an agent answered, and how the run ended.</summary>
public sealed record PreviewRequest(string Markdown, bool Succeeded, string ScheduleName, string Prompt, string? Target);

/// <summary>Builds the message a run would deliver from a given result, rendering its charts, storing nothing.</summary>
public sealed class PreviewMessageBuilder(ResultCharts charts, TimeProvider time)
{
    /// <summary>Charts are not uploaded for a preview, so URL-embedding providers show this placeholder link.</summary>
    public static Uri PlaceholderChartUrl(int index) => new($"https://charts.invalid/preview/chart-{index}.png");

    public PreviewRequest? Read(JsonObject json, ValidationProblems problems)
    {
        var markdown = JsonBody.String(json, "markdown", problems);
        problems.Require("markdown", markdown, "markdown");
        var outcome = JsonBody.String(json, "outcome", problems) ?? "success";
        var succeeded = outcome.ToLowerInvariant() switch
        {
            "success" or "succeeded" => true,
            "failure" or "failed" => false,
            _ => (bool?)null,
        };
        if (succeeded is null) problems.Error("outcome", "outcome must be \"success\" or \"failure\".");
        var name = JsonBody.String(json, "scheduleName", problems) ?? "Preview";
        var prompt = JsonBody.String(json, "prompt", problems) ?? "";
        var target = JsonBody.String(json, "target", problems);
        return problems.IsValid ? new PreviewRequest(markdown!, succeeded!.Value, name, prompt, target) : null;
    }

    public NotificationMessage Build(PreviewRequest request)
    {
        const string runId = "preview";
        if (!request.Succeeded)
            return new NotificationMessage(runId, request.ScheduleName, request.Prompt, false, time.GetUtcNow(),
                NotificationMessage.FailureMarkdown(request.Markdown), request.Markdown, [], 0);
        var processed = charts.Process(request.Markdown, runId);
        var attachments = processed.Charts
            .Select(c => new ChartAttachment(c.Index, $"chart-{c.Index}.{runId}@notifications", $"chart-{c.Index}.png", c.AltText,
                c.Image.Png, PlaceholderChartUrl(c.Index), c.Image.Width, c.Image.Height))
            .ToList();
        return new NotificationMessage(runId, request.ScheduleName, request.Prompt, true, time.GetUtcNow(), processed.Text, null,
            attachments, processed.Omitted);
    }
}
