using Notifications.Api;

namespace Notifications.Channels.Webhooks;

/// <summary>Checks a webhook URL against a provider's real shape, or the allowlist.</summary>
public static class WebhookUrls
{
    /// <param name="officialShape">True when the https URL has the provider's host and path shape.</param>
    /// <param name="example">Shown in the error, e.g. "https://hooks.slack.com/services/T…/B…/…".</param>
    public static Uri? Check(string? url, string field, Func<Uri, bool> officialShape, string example, WebhookOptions options, ValidationProblems problems)
    {
        if (!problems.Require(field, url, "Webhook URL")) return null;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            problems.Error(field, $"Not a valid URL. Expected {example}.");
            return null;
        }
        if (IsAllowlisted(uri, options)) return uri;
        if (uri.Scheme != "https" || !officialShape(uri))
        {
            problems.Error(field, $"Not a webhook URL of this provider. Expected {example}.");
            return null;
        }
        return uri;
    }

    public static bool IsAllowlisted(Uri uri, WebhookOptions options) =>
        options.AllowedHosts.Any(h =>
            string.Equals(h, uri.Host, StringComparison.OrdinalIgnoreCase) ||
            string.Equals(h, $"{uri.Host}:{uri.Port}", StringComparison.OrdinalIgnoreCase));
}
