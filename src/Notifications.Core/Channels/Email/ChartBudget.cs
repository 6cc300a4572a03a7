using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Notifications.Messages;

namespace Notifications.Channels.Email;

/// <summary>
/// Fits a provider request under its size limit by dropping charts from the last one first. Every provider measures
/// its own exact request (MIME or JSON, base64 included), so the limit is checked against what goes on the wire.
/// </summary>
public static class ChartBudget
{
    /// <param name="build">Builds the request from the charts kept and the number dropped (the body says so).</param>
    /// <param name="size">The request's size in bytes as sent.</param>
    /// <returns>The largest request under the limit; with no charts left it is returned even if still over (the text is never dropped).</returns>
    public static (T Request, int Dropped) Fit<T>(IReadOnlyList<ChartAttachment> charts, long maxBytes,
        Func<IReadOnlyList<ChartAttachment>, int, T> build, Func<T, long> size)
    {
        for (var dropped = 0; ; dropped++)
        {
            var request = build(charts.Take(charts.Count - dropped).ToList(), dropped);
            if (dropped == charts.Count || size(request) <= maxBytes) return (request, dropped);
        }
    }

    /// <summary>For the JSON providers: the request body built from the message's content, measured as UTF-8 JSON.</summary>
    public static JsonObject FitJson(NotificationMessage message, long maxBytes, Func<EmailContent, JsonObject> payload) =>
        Fit(message.Charts, maxBytes, (charts, dropped) => payload(EmailContent.From(message, charts, dropped)),
            p => Encoding.UTF8.GetByteCount(p.ToJsonString())).Request;

    /// <summary>The preview of a JSON provider: its request body, indented.</summary>
    public static PreviewResult JsonPreview(JsonObject payload) =>
        new("application/json", payload.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
}
