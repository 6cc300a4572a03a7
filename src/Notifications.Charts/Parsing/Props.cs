using System.Text.Json;

namespace Notifications.Charts.Parsing;

/// <summary>
/// A read-only view over one attribute object and its fallbacks (figure first, then template).
/// Looking up a dotted path walks each layer in turn, so the figure wins leaf by leaf,
/// which is how plotly.js merges layout.template under the figure.
/// </summary>
internal readonly struct Props
{
    private readonly JsonElement[] _layers;

    public Props(params JsonElement[] layers)
    {
        _layers = layers.Where(l => l.ValueKind == JsonValueKind.Object).ToArray();
    }

    public static Props Empty => new(Array.Empty<JsonElement>());

    public bool IsEmpty => _layers is null || _layers.Length == 0;

    /// <summary>The raw value at a dotted path, from the first layer that has it (nulls skipped).</summary>
    public JsonElement? Get(string path)
    {
        if (_layers is null) return null;
        foreach (var layer in _layers)
        {
            if (TryWalk(layer, path, out var found) && found.ValueKind != JsonValueKind.Null && found.ValueKind != JsonValueKind.Undefined)
                return found;
        }
        return null;
    }

    public bool Has(string path) => Get(path) is not null;

    /// <summary>A child object view, keeping every layer that has the object.</summary>
    public Props Sub(string path)
    {
        if (_layers is null) return Empty;
        var list = new List<JsonElement>(_layers.Length);
        foreach (var layer in _layers)
            if (TryWalk(layer, path, out var found) && found.ValueKind == JsonValueKind.Object)
                list.Add(found);
        return new Props(list.ToArray());
    }

    /// <summary>Adds lower-priority layers under this view.</summary>
    public Props With(Props fallback)
    {
        var a = _layers ?? Array.Empty<JsonElement>();
        var b = fallback._layers ?? Array.Empty<JsonElement>();
        return new Props(a.Concat(b).ToArray());
    }

    public string? Str(string path)
    {
        var v = Get(path);
        if (v is null) return null;
        return v.Value.ValueKind switch
        {
            JsonValueKind.String => v.Value.GetString(),
            JsonValueKind.Number => v.Value.GetRawText(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    public double? Num(string path)
    {
        var v = Get(path);
        if (v is null) return null;
        return JsonValues.ToDouble(v.Value) is { } d && double.IsFinite(d) ? d : null;
    }

    public double Num(string path, double fallback) => Num(path) ?? fallback;

    public bool? Bool(string path)
    {
        var v = Get(path);
        if (v is null) return null;
        return v.Value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String => v.Value.GetString() switch { "true" or "True" => true, "false" or "False" => false, _ => null },
            JsonValueKind.Number => v.Value.GetDouble() != 0,
            _ => null,
        };
    }

    public bool Bool(string path, bool fallback) => Bool(path) ?? fallback;

    private static bool TryWalk(JsonElement el, string path, out JsonElement found)
    {
        found = el;
        int start = 0;
        while (start <= path.Length)
        {
            int dot = path.IndexOf('.', start);
            var key = dot < 0 ? path.AsSpan(start) : path.AsSpan(start, dot - start);
            if (found.ValueKind != JsonValueKind.Object || !found.TryGetProperty(key, out var next))
                return false;
            found = next;
            if (dot < 0) return true;
            start = dot + 1;
        }
        return true;
    }
}
