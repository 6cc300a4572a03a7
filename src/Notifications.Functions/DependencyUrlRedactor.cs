using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;

namespace Notifications.Functions;

/// <summary>
/// Application Insights records every outgoing HTTP call with its full URL. Webhook URLs (and Telegram's bot token,
/// which sits in the path) are secrets, so dependency telemetry keeps only the scheme and host.
/// </summary>
public sealed class DependencyUrlRedactor : ITelemetryInitializer
{
    public void Initialize(ITelemetry telemetry)
    {
        if (telemetry is not DependencyTelemetry { Type: "Http" or "HTTP" } dependency) return;
        if (Uri.TryCreate(dependency.Data, UriKind.Absolute, out var url))
        {
            var redacted = $"{url.Scheme}://{url.Authority}/…";
            dependency.Data = redacted;
            dependency.Name = $"{dependency.Name?.Split(' ')[0]} {url.Authority}".Trim();
        }
        else
        {
            dependency.Data = "(redacted)";
        }
    }
}
