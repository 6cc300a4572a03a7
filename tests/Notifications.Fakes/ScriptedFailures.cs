using System.Collections.Concurrent;

namespace Notifications.Fakes;

/// <summary>A response a test asks a fake to give next, instead of its normal answer (e.g. 429 or 500).</summary>
public sealed record ScriptedResponse(int Status, string Body, string ContentType = "text/plain", int? RetryAfterSeconds = null);

/// <summary>Per-provider queue of scripted responses; each is used once.</summary>
public sealed class ScriptedFailures
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ScriptedResponse>> _queues = new();

    public void Enqueue(string provider, ScriptedResponse response) => _queues.GetOrAdd(provider, _ => new()).Enqueue(response);

    public bool TryTake(string provider, out ScriptedResponse response)
    {
        response = null!;
        return _queues.TryGetValue(provider, out var q) && q.TryDequeue(out response!);
    }

    public static IResult Write(ScriptedResponse r, HttpResponse http)
    {
        if (r.RetryAfterSeconds is { } s) http.Headers.RetryAfter = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.Text(r.Body, r.ContentType, statusCode: r.Status);
    }
}
