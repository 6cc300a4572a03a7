using System.Text.Json;

namespace Notifications.Charts.Parsing;

/// <summary>One input trace: its type, position in data[], and attributes merged over template.data[type].</summary>
internal sealed record TraceInput(string Type, int Index, Props P);

/// <summary>A parsed figure: layout (merged over template.layout) and its traces.</summary>
internal sealed class Figure : IDisposable
{
    private readonly JsonDocument _doc;

    private Figure(JsonDocument doc, Props layout, IReadOnlyList<TraceInput> traces)
    {
        _doc = doc;
        Layout = layout;
        Traces = traces;
    }

    public Props Layout { get; }

    public IReadOnlyList<TraceInput> Traces { get; }

    public static Figure Parse(string json)
    {
        if (json is null) throw new ChartRenderException("figure JSON is malformed: input is null");
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 256 });
        }
        catch (JsonException ex)
        {
            throw new ChartRenderException($"figure JSON is malformed: {ex.Message}", ex);
        }

        try
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new ChartRenderException($"figure JSON must be an object with 'data' and 'layout', got {Kind(root)}");

            var layoutEl = root.TryGetProperty("layout", out var l) ? l : default;
            if (layoutEl.ValueKind is not (JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null))
                throw new ChartRenderException($"'layout' must be an object, got {Kind(layoutEl)}");

            JsonElement template = default;
            if (layoutEl.ValueKind == JsonValueKind.Object && layoutEl.TryGetProperty("template", out var t) && t.ValueKind == JsonValueKind.Object)
                template = t;
            var tLayout = template.ValueKind == JsonValueKind.Object && template.TryGetProperty("layout", out var tl) ? tl : default;
            var tData = template.ValueKind == JsonValueKind.Object && template.TryGetProperty("data", out var td) ? td : default;
            var layout = new Props(layoutEl, tLayout);

            var traces = new List<TraceInput>();
            if (root.TryGetProperty("data", out var data))
            {
                if (data.ValueKind == JsonValueKind.Object) data = default; // tolerate a single trace object below
                if (root.GetProperty("data").ValueKind == JsonValueKind.Object)
                {
                    AddTrace(traces, root.GetProperty("data"), 0, tData, new Dictionary<string, int>());
                }
                else if (data.ValueKind == JsonValueKind.Array)
                {
                    var perType = new Dictionary<string, int>();
                    int i = 0;
                    foreach (var tr in data.EnumerateArray())
                    {
                        if (tr.ValueKind != JsonValueKind.Object)
                            throw new ChartRenderException($"data[{i}] must be a trace object, got {Kind(tr)}");
                        AddTrace(traces, tr, i, tData, perType);
                        i++;
                    }
                }
                else if (data.ValueKind != JsonValueKind.Null && data.ValueKind != JsonValueKind.Undefined)
                {
                    throw new ChartRenderException($"'data' must be an array of traces, got {Kind(data)}");
                }
            }
            return new Figure(doc, layout, traces);
        }
        catch
        {
            doc.Dispose();
            throw;
        }
    }

    private static void AddTrace(List<TraceInput> traces, JsonElement tr, int index, JsonElement tData, Dictionary<string, int> perType)
    {
        var type = tr.TryGetProperty("type", out var ty) && ty.ValueKind == JsonValueKind.String ? ty.GetString() ?? "scatter" : "scatter";
        type = type.Trim().ToLowerInvariant();
        JsonElement tmpl = default;
        if (tData.ValueKind == JsonValueKind.Object && tData.TryGetProperty(type, out var list) && list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0)
        {
            // plotly cycles through template.data[type] entries for successive traces of that type.
            perType.TryGetValue(type, out var k);
            tmpl = list[k % list.GetArrayLength()];
            perType[type] = k + 1;
        }
        traces.Add(new TraceInput(type, index, new Props(tr, tmpl)));
    }

    private static string Kind(JsonElement e) => e.ValueKind.ToString().ToLowerInvariant();

    public void Dispose() => _doc.Dispose();
}
