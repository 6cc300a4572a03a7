using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;

namespace Notifications.Channels.Webhooks;

/// <summary>What a webhook endpoint answered, or why it could not answer.</summary>
public sealed record WebhookResponse(HttpStatusCode? Status, string Body, TimeSpan? RetryAfter, string? TransportError)
{
    public bool IsSuccess => Status is { } s && (int)s is >= 200 and < 300;
    public int? StatusCode => Status is { } s ? (int)s : null;
}

/// <summary>
/// Posts to webhook URLs for every webhook provider. It does not retry (the dispatcher decides) and never logs or
/// returns the URL, which is a secret.
/// </summary>
public sealed class WebhookClient(IHttpClientFactory httpFactory, IOptions<WebhookOptions> options)
{
    public const string HttpClientName = "webhooks";

    public Task<WebhookResponse> PostJsonAsync(Uri url, string json, CancellationToken ct) =>
        SendAsync(url, new StringContent(json, Encoding.UTF8, "application/json"), ct);

    public async Task<WebhookResponse> SendAsync(Uri url, HttpContent content, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.TimeoutSeconds));
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
        try
        {
            using var response = await httpFactory.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return new WebhookResponse(response.StatusCode, body, RetryAfter(response.Headers.RetryAfter), null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new WebhookResponse(null, "", null, $"no answer within {options.Value.TimeoutSeconds} s");
        }
        catch (HttpRequestException e)
        {
            // e.Message can contain the host; the request error kind is enough and safe.
            return new WebhookResponse(null, "", null, $"connection failed ({e.HttpRequestError})");
        }
    }

    private static TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow,
        _ => null,
    };

    /// <summary>The default classification: 2xx sent; 429 and 5xx and transport errors transient; other 4xx permanent.</summary>
    public static SendResult Classify(WebhookResponse r, string provider)
    {
        var summary = r.TransportError ?? $"{r.StatusCode} {Shorten(r.Body)}".Trim();
        // A success body is a short acknowledgement ("ok") or an echo of the whole message (Google Chat): keep the former only.
        if (r.IsSuccess) return SendResult.Sent($"{provider} answered {r.StatusCode}{(r.Body.Length is > 0 and <= 40 ? " " + r.Body.Trim() : "")}", r.StatusCode);
        if (r.TransportError is not null) return SendResult.Transient($"{provider}: {summary}");
        return r.StatusCode switch
        {
            429 => SendResult.Transient($"{provider} rate-limited the request (429): {Shorten(r.Body)}", 429, r.RetryAfter),
            >= 500 => SendResult.Transient($"{provider} answered {summary}", r.StatusCode, r.RetryAfter),
            _ => SendResult.Permanent($"{provider} refused the message: {summary}", r.StatusCode),
        };
    }

    public static string Shorten(string s) => s.Length <= 300 ? s : s[..300] + "…";
}
