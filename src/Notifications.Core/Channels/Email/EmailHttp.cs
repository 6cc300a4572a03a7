using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace Notifications.Channels.Email;

/// <summary>What an email provider's HTTP API answered, or why it could not answer.</summary>
public sealed record EmailHttpResponse(int? Status, string Body, TimeSpan? RetryAfter, IReadOnlyDictionary<string, string> Headers, string? TransportError, TestOutcome? TransportOutcome)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public string? Header(string name) => Headers.TryGetValue(name, out var v) ? v : null;

    /// <summary>The body as JSON, or null when it is not JSON.</summary>
    public JsonNode? Json()
    {
        try
        {
            return string.IsNullOrWhiteSpace(Body) ? null : JsonNode.Parse(Body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    /// <summary>A string at a path of JSON objects in the body (e.g. "error", "code"), or null: never throws on odd bodies.</summary>
    public string? JsonString(params string[] path)
    {
        var node = Json();
        foreach (var name in path) node = node is JsonObject o ? o[name] : null;
        return node is JsonValue v && v.GetValueKind() == System.Text.Json.JsonValueKind.String ? v.GetValue<string>() : null;
    }

    public string Summary => TransportError ?? $"{Status} {EmailHttp.Shorten(Body)}".Trim();
}

/// <summary>
/// The HTTP calls of the SendGrid and Graph providers: one timeout, no retries (the dispatcher decides), and no
/// logging of URLs or headers, which carry keys and tokens.
/// </summary>
public sealed class EmailHttp(IHttpClientFactory httpFactory, TimeProvider time)
{
    public const string HttpClientName = "email";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);

    /// <summary>Per request, and for a whole Test Connection. Shorter in tests.</summary>
    public TimeSpan Timeout { get; init; } = DefaultTimeout;

    public HttpClient CreateClient() => httpFactory.CreateClient(HttpClientName);

    /// <summary>
    /// Runs a Test Connection or Send Test Email within <see cref="Timeout"/> in all, however many requests it makes
    /// (token + send, scopes + sandbox send, send + polls): running out of time is the Timeout outcome.
    /// </summary>
    public async Task<ConnectionTestResult> WithinTestTimeoutAsync(string provider, Func<CancellationToken, Task<ConnectionTestResult>> test, CancellationToken ct)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(Timeout);
        try
        {
            return await test(budget.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return TimedOut(provider, $"no answer within {Timeout.TotalSeconds:0} s");
        }
    }

    private static ConnectionTestResult TimedOut(string provider, string? error) => new(TestOutcome.Timeout, $"{provider} did not answer: {error}.",
        "Check the network connection and that the firewall allows outbound HTTPS to the provider.");

    public Task<EmailHttpResponse> SendAsync(HttpRequestMessage request, CancellationToken ct) => SendAsync(request, Timeout, ct);

    public async Task<EmailHttpResponse> SendAsync(HttpRequestMessage request, TimeSpan timeout, CancellationToken ct)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            using var response = await CreateClient().SendAsync(request, cts.Token);
            var body = await response.Content.ReadAsStringAsync(cts.Token);
            var headers = response.Headers.Concat(response.Content.Headers)
                .GroupBy(h => h.Key, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => string.Join(",", g.First().Value), StringComparer.OrdinalIgnoreCase);
            return new EmailHttpResponse((int)response.StatusCode, body, RetryAfter(response.Headers.RetryAfter), headers, null, null);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return Failed($"no answer within {timeout.TotalSeconds:0} s", TestOutcome.Timeout);
        }
        catch (HttpRequestException e)
        {
            // e.Message can name the host; the error kind is enough and safe.
            var outcome = e.HttpRequestError == HttpRequestError.SecureConnectionError ? TestOutcome.TlsError : TestOutcome.ConnectionFailure;
            return Failed($"connection failed ({e.HttpRequestError})", outcome);
        }
    }

    private static EmailHttpResponse Failed(string error, TestOutcome outcome) =>
        new(null, "", null, new Dictionary<string, string>(), error, outcome);

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow(),
        _ => null,
    };

    /// <summary>2xx sent; transport errors, 429 and 5xx transient (429 with its Retry-After); other 4xx permanent.</summary>
    public static SendResult Classify(EmailHttpResponse r, string provider, string? detail = null)
    {
        var what = detail is null ? r.Summary : $"{r.Summary} ({detail})";
        if (r.IsSuccess) return SendResult.Sent($"{provider} accepted the message: {what}", r.Status);
        if (r.TransportError is not null) return SendResult.Transient($"{provider}: {what}");
        return r.Status switch
        {
            429 => SendResult.Transient($"{provider} rate-limited the request: {what}", 429, r.RetryAfter),
            408 or >= 500 => SendResult.Transient($"{provider} answered {what}", r.Status, r.RetryAfter),
            _ => SendResult.Permanent($"{provider} refused the message: {what}", r.Status),
        };
    }

    /// <summary>Test outcomes that mean the same for every HTTP provider: transport, rate limit, server errors.</summary>
    public static ConnectionTestResult? CommonOutcome(EmailHttpResponse r, string provider) => r switch
    {
        { TransportOutcome: TestOutcome.Timeout } => TimedOut(provider, r.TransportError),
        { TransportOutcome: TestOutcome.TlsError } => new(TestOutcome.TlsError, $"Could not reach {provider}: {r.TransportError}.",
            "The TLS handshake failed: check the base URL and any proxy that intercepts HTTPS."),
        { TransportOutcome: { } } => new(TestOutcome.ConnectionFailure, $"Could not reach {provider}: {r.TransportError}.",
            "Check the base URL and that the firewall allows outbound HTTPS to the provider."),
        { Status: 429 } => new(TestOutcome.RateLimited, $"{provider} rate-limited the request: {r.Summary}", "Wait a minute and try again."),
        { Status: >= 500 } => new(TestOutcome.ProviderError, $"{provider} answered {r.Summary}", "The provider had a problem; try again later."),
        _ => null,
    };

    public static string Shorten(string s) => s.Length <= 300 ? s : s[..300] + "…";
}
