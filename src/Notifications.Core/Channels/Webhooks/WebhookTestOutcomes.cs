namespace Notifications.Channels.Webhooks;

/// <summary>
/// Turns a Test Webhook answer into an outcome with a hint. The transport, rate-limit and server cases are the same
/// for every provider; a provider supplies only its own reading of its error answers.
/// </summary>
public static class WebhookTestOutcomes
{
    public static ConnectionTestResult From(string provider, WebhookResponse response, Func<WebhookResponse, ConnectionTestResult?> specific) =>
        response switch
        {
            { TransportError: { } e } when e.StartsWith("no answer", StringComparison.Ordinal) => new(TestOutcome.Timeout,
                $"{provider} did not answer: {e}.", "Check the network connection and that the firewall allows outbound HTTPS."),
            { TransportError: { } e } => new(TestOutcome.ConnectionFailure, $"Could not reach {provider}: {e}.",
                "Check the URL and that the firewall allows outbound HTTPS."),
            _ when specific(response) is { } result => result,
            { IsSuccess: true } => new(TestOutcome.Success, $"{provider} accepted the test message."),
            { StatusCode: 429 } => new(TestOutcome.RateLimited, $"{provider} rate-limited the request.",
                response.RetryAfter is { } wait ? $"Wait {Math.Ceiling(wait.TotalSeconds)} s and try again." : "Wait a minute and try again."),
            { StatusCode: >= 500 } => new(TestOutcome.ProviderError, $"{provider} answered {response.StatusCode} {WebhookClient.Shorten(response.Body)}.",
                "The provider has a problem; try again later."),
            _ => new(TestOutcome.ProviderError, $"{provider} answered {response.StatusCode} {WebhookClient.Shorten(response.Body)}.",
                $"Check that the channel's provider is {provider} and that its settings are complete."),
        };

    public static ConnectionTestResult UrlExpired(string provider, WebhookResponse r, string hint) =>
        new(TestOutcome.UrlExpired, $"{provider} answered {r.StatusCode} {WebhookClient.Shorten(r.Body)}.", hint);

    public static ConnectionTestResult FormatBroken(string provider, WebhookResponse r) =>
        new(TestOutcome.FormatBroken, $"{provider} refused the message format: {r.StatusCode} {WebhookClient.Shorten(r.Body)}.",
            $"Check that the channel's provider is {provider}: the URL may belong to another service.");
}
