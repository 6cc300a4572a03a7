using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifications.Fakes;

/// <summary>What a fake accepted, per provider, in order; optionally also written to a folder as "webhook-{provider}-N.json".</summary>
public sealed class RecordedRequests(string? outputDirectory = null)
{
    private readonly ConcurrentDictionary<string, List<JsonNode>> _byProvider = new();
    private readonly Lock _gate = new();

    public void Add(string provider, JsonNode body, string filePrefix = "webhook")
    {
        int number;
        lock (_gate)
        {
            var list = _byProvider.GetOrAdd(provider, _ => []);
            list.Add(body.DeepClone());
            number = list.Count;
        }
        if (outputDirectory is not null)
        {
            Directory.CreateDirectory(outputDirectory);
            File.WriteAllText(Path.Combine(outputDirectory, $"{filePrefix}-{provider}-{number}.json"),
                body.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }
    }

    public IReadOnlyList<JsonNode> For(string provider)
    {
        lock (_gate) return _byProvider.TryGetValue(provider, out var list) ? list.ToList() : [];
    }

    public void Clear()
    {
        lock (_gate) _byProvider.Clear();
    }
}
