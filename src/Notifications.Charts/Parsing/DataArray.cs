using System.Text.Json;

namespace Notifications.Charts.Parsing;

/// <summary>
/// One data column (x, y, values, labels...): each entry as a number (NaN when missing or not numeric)
/// and, for string entries, the raw text so category and date axes can use it.
/// </summary>
internal sealed class DataArray
{
    public static readonly DataArray Empty = new(Array.Empty<double>(), null);

    public DataArray(double[] numbers, string?[]? strings)
    {
        Numbers = numbers;
        Strings = strings;
    }

    public double[] Numbers { get; }

    /// <summary>Raw strings when the column held any; null for purely numeric columns.</summary>
    public string?[]? Strings { get; }

    public int Length => Numbers.Length;

    public bool HasStrings => Strings is not null;

    /// <summary>Text of entry i for category axes and labels.</summary>
    public string? TextAt(int i)
    {
        if (i < 0 || i >= Length) return null;
        if (Strings is not null && Strings[i] is { } s) return s;
        var d = Numbers[i];
        return double.IsNaN(d) ? null : Axes.NumberText.Plain(d);
    }

    /// <summary>Reads a JSON list, a scalar (as a one-element column), or a plotly.py typed array.</summary>
    public static DataArray From(JsonElement? maybe, string name)
    {
        if (maybe is not { } el) return Empty;
        switch (el.ValueKind)
        {
            case JsonValueKind.Array:
                return FromList(el);
            case JsonValueKind.Object:
                if (el.TryGetProperty("bdata", out _))
                    return new DataArray(TypedArray.Decode(el, name), null);
                throw new ChartRenderException($"'{name}' must be an array, got an object without 'bdata'");
            case JsonValueKind.Null:
                return Empty;
            default:
                throw new ChartRenderException($"'{name}' must be an array, got {el.ValueKind.ToString().ToLowerInvariant()}");
        }
    }

    private static DataArray FromList(JsonElement el)
    {
        int n = el.GetArrayLength();
        var nums = new double[n];
        string?[]? strs = null;
        int i = 0;
        foreach (var item in el.EnumerateArray())
        {
            switch (item.ValueKind)
            {
                case JsonValueKind.Number:
                    nums[i] = item.TryGetDouble(out var d) && double.IsFinite(d) ? d : double.NaN;
                    break;
                case JsonValueKind.String:
                    strs ??= new string?[n];
                    var s = item.GetString();
                    strs[i] = s;
                    nums[i] = JsonValues.ParseNumber(s) ?? double.NaN;
                    break;
                case JsonValueKind.True:
                    nums[i] = 1; break;
                case JsonValueKind.False:
                    nums[i] = 0; break;
                case JsonValueKind.Array:
                    // Nested arrays (2-D input) are flattened to their first element: best effort.
                    nums[i] = item.GetArrayLength() > 0 ? JsonValues.ToDouble(item[0]) ?? double.NaN : double.NaN;
                    break;
                default:
                    nums[i] = double.NaN; break;
            }
            i++;
        }
        return new DataArray(nums, strs);
    }
}
