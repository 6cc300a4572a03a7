using System.Text.Json.Nodes;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;

namespace Notifications.Channels.Email.AzureEmail;

/// <summary>
/// The ACS Email REST API (emails:send, api-version 2025-09-01, the first GA version with inline contentId) on an
/// Azure.Core HttpPipeline: signing (HMAC or a TokenCredential) per retry, one Operation-Id across retries, up to two
/// short retries for 408/429/5xx, and polling of Operation-Location. Kept to this one class so the official
/// Azure.Communication.Email client can replace it when it is available here.
/// </summary>
public sealed class AcsEmailClient
{
    public const string ApiVersion = "2025-09-01";
    public const string TokenScope = "https://communication.azure.com//.default";
    /// <summary>A server Retry-After longer than this is left to the dispatcher instead of waited out here.</summary>
    public static readonly TimeSpan MaxInPipelineRetryAfter = TimeSpan.FromSeconds(2);

    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;
    private readonly TimeProvider _time;
    private readonly TimeSpan _networkTimeout;

    /// <param name="auth">An <see cref="AcsHmacPolicy"/> or a BearerTokenAuthenticationPolicy.</param>
    public AcsEmailClient(Uri endpoint, HttpPipelinePolicy auth, HttpClient http, TimeProvider time, TimeSpan retryDelay, TimeSpan networkTimeout)
    {
        _endpoint = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        _time = time;
        _networkTimeout = networkTimeout;
        var options = new PipelineOptions { Transport = new HttpClientTransport(http), RetryPolicy = new ShortRetryPolicy(retryDelay) };
        options.Retry.NetworkTimeout = networkTimeout;
        options.Diagnostics.IsLoggingEnabled = false; // request logging would include the signed headers' neighbours; nothing of it is needed
        options.Diagnostics.IsDistributedTracingEnabled = false;
        options.Diagnostics.IsTelemetryEnabled = false;
        _pipeline = HttpPipelineBuilder.Build(options, [], [auth], new ResponseClassifier());
    }

    /// <summary>POST emails:send. The Operation-Id is set once on the message, so every retry carries the same one.</summary>
    public async Task<EmailHttpResponse> StartSendAsync(JsonObject body, string operationId, CancellationToken ct)
    {
        using var message = _pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(new Uri(_endpoint, $"./emails:send?api-version={ApiVersion}") /* "./": otherwise "emails:" reads as a URI scheme */);
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Headers.SetValue("Operation-Id", operationId);
        message.Request.Content = RequestContent.Create(BinaryData.FromString(body.ToJsonString()));
        return await SendAsync(message, ct);
    }

    /// <summary>Polls Operation-Location until Succeeded, Failed or Canceled, or until <paramref name="maxWait"/> passes.</summary>
    public async Task<EmailHttpResponse> WaitAsync(EmailHttpResponse started, TimeSpan maxWait, CancellationToken ct)
    {
        var deadline = _time.GetUtcNow() + maxWait;
        var current = started;
        while (OperationStatus(current) is "NotStarted" or "Running" && current.Header("Operation-Location") is { } location)
        {
            var delay = current.RetryAfter ?? TimeSpan.FromSeconds(1);
            if (_time.GetUtcNow() + delay > deadline) break;
            if (delay > TimeSpan.Zero) await Task.Delay(delay, _time, ct);
            using var message = _pipeline.CreateMessage();
            message.Request.Method = RequestMethod.Get;
            message.Request.Uri.Reset(new Uri(location));
            var polled = await SendAsync(message, ct);
            if (!polled.IsSuccess) return polled;
            // Keep the location: the status response does not repeat it.
            current = polled with { Headers = new Dictionary<string, string>(polled.Headers, StringComparer.OrdinalIgnoreCase) { ["Operation-Location"] = location } };
        }
        return current;
    }

    public static string? OperationStatus(EmailHttpResponse r) => r.JsonString("status");

    /// <summary>error.code of an error body or of a failed operation.</summary>
    public static string? ErrorCode(EmailHttpResponse r) => r.JsonString("error", "code");

    public static string? ErrorMessage(EmailHttpResponse r) => r.JsonString("error", "message");

    private async Task<EmailHttpResponse> SendAsync(HttpMessage message, CancellationToken ct)
    {
        try
        {
            await _pipeline.SendAsync(message, ct);
            var response = message.Response;
            var headers = response.Headers.ToDictionary(h => h.Name, h => h.Value, StringComparer.OrdinalIgnoreCase);
            TimeSpan? retryAfter = headers.TryGetValue("Retry-After", out var ra) && int.TryParse(ra, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
            return new EmailHttpResponse(response.Status, response.Content.ToString(), retryAfter, headers, null, null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested &&
            (e is OperationCanceledException || e is AggregateException a && a.InnerExceptions.All(x => x is OperationCanceledException)))
        {
            return Failed($"no answer within {_networkTimeout.TotalSeconds:0} s", TestOutcome.Timeout);
        }
        catch (Exception e) when (Transport(e) is { } failed)
        {
            // After its retries the pipeline throws an AggregateException of RequestFailedException (status 0).
            var tls = failed.InnerException is HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError };
            var kind = failed.InnerException is HttpRequestException h ? h.HttpRequestError.ToString() : "transport";
            return Failed($"connection failed ({kind})", tls ? TestOutcome.TlsError : TestOutcome.ConnectionFailure);
        }
        catch (AuthenticationFailedException)
        {
            // A managed identity that could not get a token: no endpoint answered, so this is the credential's failure.
            return new EmailHttpResponse(401, """{"error":{"code":"ManagedIdentityUnavailable","message":"The managed identity could not get a token."}}""",
                null, new Dictionary<string, string>(), null, null);
        }
    }

    private static RequestFailedException? Transport(Exception e) => e switch
    {
        RequestFailedException { Status: 0 } r => r,
        AggregateException a => a.InnerExceptions.OfType<RequestFailedException>().LastOrDefault(r => r.Status == 0),
        _ => null,
    };

    private static EmailHttpResponse Failed(string error, TestOutcome outcome) =>
        new(null, "", null, new Dictionary<string, string>(), error, outcome);

    private sealed class PipelineOptions : ClientOptions;

    /// <summary>Azure.Core's retry, limited to two quick attempts and to short server Retry-After values.</summary>
    private sealed class ShortRetryPolicy(TimeSpan delay) : RetryPolicy(maxRetries: 2, DelayStrategy.CreateFixedDelayStrategy(delay))
    {
        protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
            base.ShouldRetry(message, exception) && !WaitsTooLong(message);

        protected override async ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
            await base.ShouldRetryAsync(message, exception) && !WaitsTooLong(message);

        private static bool WaitsTooLong(HttpMessage message) =>
            message.HasResponse && message.Response.Headers.TryGetValue("Retry-After", out var value)
            && int.TryParse(value, out var seconds) && TimeSpan.FromSeconds(seconds) > MaxInPipelineRetryAfter;
    }
}
