using Notifications.Charts.Parsing;

namespace Notifications.Charts.Axes;

/// <summary>One cartesian axis: its type, categories, range and pixel placement.</summary>
internal sealed class Axis
{
    private readonly Dictionary<string, int> _catIndex = new(StringComparer.Ordinal);

    public Axis(char letter, Props props)
    {
        Letter = letter;
        P = props;
    }

    public char Letter { get; }

    public Props P { get; }

    public AxisType Type { get; set; } = AxisType.Linear;

    public List<string> Categories { get; } = new();

    /// <summary>Data range in axis units (category index, ms for dates).</summary>
    public double R0 { get; set; }

    public double R1 { get; set; } = 1;

    /// <summary>Pixel start: left edge for x, top edge for y.</summary>
    public double Pos { get; set; }

    public double Len { get; set; } = 1;

    public bool IsX => Letter == 'x';

    public AutoRange Extremes { get; } = new();

    public Ticks Ticks { get; set; } = Ticks.None;

    public int CategoryOf(string name)
    {
        if (!_catIndex.TryGetValue(name, out var i))
        {
            i = Categories.Count;
            Categories.Add(name);
            _catIndex[name] = i;
        }
        return i;
    }

    /// <summary>Converts entry i of a column to axis units (NaN when it has no place on this axis).</summary>
    public double ToValue(DataArray col, int i)
    {
        switch (Type)
        {
            case AxisType.Category:
                var t = col.TextAt(i);
                return t is null ? double.NaN : CategoryOf(t);
            case AxisType.Date:
                if (col.Strings?[i] is { } s)
                    return Dates.TryParse(s, out var ms) ? ms : double.NaN;
                return col.Numbers[i];
            default:
                var v = col.Numbers[i];
                if (double.IsNaN(v) && col.Strings?[i] is { } ds && Dates.TryParse(ds, out _)) return double.NaN;
                return v;
        }
    }

    /// <summary>A scalar attribute (range end, base...) in axis units.</summary>
    public double ScalarToValue(System.Text.Json.JsonElement? el)
    {
        if (el is not { } e) return double.NaN;
        if (e.ValueKind == System.Text.Json.JsonValueKind.String)
        {
            var s = e.GetString();
            if (Type == AxisType.Date && Dates.TryParse(s, out var ms)) return ms;
            if (Type == AxisType.Category && s is not null && _catIndex.TryGetValue(s, out var ci)) return ci;
            return JsonValues.ParseNumber(s) ?? double.NaN;
        }
        return JsonValues.ToDouble(e) ?? double.NaN;
    }

    public double ToPx(double v)
    {
        double span = R1 - R0;
        if (span == 0) span = 1;
        double f = (v - R0) / span;
        return IsX ? Pos + f * Len : Pos + Len - f * Len;
    }

    /// <summary>Pixel length of a data distance along the axis (always positive).</summary>
    public double Scale => Len / Math.Max(Math.Abs(R1 - R0), 1e-300);
}
