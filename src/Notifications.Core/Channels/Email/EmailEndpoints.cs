using Notifications.Api;
using Notifications.Channels.Webhooks;

namespace Notifications.Channels.Email;

/// <summary>
/// Configurable base URLs (tests, sovereign clouds). A non-default URL must be https, unless its host is in
/// Webhooks:AllowedHosts, the same allowlist the webhook providers use for local fakes.
/// </summary>
public static class EmailEndpoints
{
    public static Uri? Check(string? value, string field, WebhookOptions options, ValidationProblems problems)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || !string.IsNullOrEmpty(uri.Query))
        {
            problems.Error(field, "Must be an absolute https URL without a query.");
            return null;
        }
        if (uri.Scheme != "https" && !WebhookUrls.IsAllowlisted(uri, options))
        {
            problems.Error(field, "Must use https (http is allowed only for hosts in Webhooks:AllowedHosts).");
            return null;
        }
        return uri;
    }

    /// <summary>The configured URL or the default, always ending in '/' so relative paths append.</summary>
    public static Uri Resolve(string? value, string defaultUrl)
    {
        var url = string.IsNullOrWhiteSpace(value) ? defaultUrl : value;
        return new Uri(url.EndsWith('/') ? url : url + "/");
    }
}
