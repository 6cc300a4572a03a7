using System.Globalization;
using Notifications.Charts.Parsing;

namespace Notifications.Charts.Axes;

/// <summary>
/// plotly's tick choice: a target tick count from the axis length, then a "nice" step
/// (1/2/5x10^n for numbers, whole categories, day/week/month/year steps for dates).
/// </summary>
internal static class TickGenerator
{
    private const int MaxTicks = 500;

    public static Ticks Generate(Axis ax, float tickFontSize)
    {
        var p = ax.P;
        double lo = Math.Min(ax.R0, ax.R1), hi = Math.Max(ax.R0, ax.R1);
        if (!(hi > lo) || !double.IsFinite(lo) || !double.IsFinite(hi)) return Ticks.None;

        var mode = p.Str("tickmode");
        if ((mode == "array" || mode is null) && p.Get("tickvals") is { } tv && tv.ValueKind == System.Text.Json.JsonValueKind.Array)
            return FromArray(ax, p, lo, hi);

        double nt = p.Num("nticks") is { } n && n > 0 ? n : 0;
        if (nt == 0)
        {
            nt = ax.Type == AxisType.Category
                ? ax.Len / (tickFontSize * 1.2)
                : Math.Clamp(ax.Len / (ax.IsX ? 80 : 40), 4, 9) + 1;
        }
        double rough = (hi - lo) / Math.Max(nt, 1);

        return ax.Type switch
        {
            AxisType.Category => Category(ax, lo, hi, p.Num("dtick") is { } cd && cd >= 1 ? Math.Round(cd) : Math.Ceiling(Math.Max(rough, 1))),
            AxisType.Date => DateTicks.Generate(ax, lo, hi, rough),
            _ => Linear(ax, lo, hi, rough),
        };
    }

    public static double NiceStep(double rough)
    {
        if (!(rough > 0) || !double.IsFinite(rough)) return 1;
        double b = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double r = rough / b;
        double m = r <= 1 + 1e-9 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10;
        // plotly rounds the rough step up to the next of 2, 5, 10 (of the same decade)
        if (m == 1) m = 2;
        return m * b;
    }

    private static Ticks Linear(Axis ax, double lo, double hi, double rough)
    {
        var p = ax.P;
        double dtick = p.Num("dtick") is { } d && d > 0 ? d : NiceStep(rough);
        double tick0 = p.Num("tick0") ?? 0;
        // Guard against absurd tick counts from a tiny explicit dtick.
        if ((hi - lo) / dtick > MaxTicks) dtick = NiceStep((hi - lo) / 10);
        var vals = new List<double>();
        double first = tick0 + Math.Ceiling((lo - tick0) / dtick - 1e-9) * dtick;
        for (int i = 0; i < MaxTicks; i++)
        {
            double v = first + i * dtick;
            if (v > hi + dtick * 1e-9) break;
            if (Math.Abs(v) < dtick * 1e-9) v = 0;
            vals.Add(v);
        }
        var fmt = new LinearFormat(ax, dtick, lo, hi);
        return new Ticks(vals.ToArray(), vals.Select(fmt.Label).ToArray());
    }

    private static Ticks Category(Axis ax, double lo, double hi, double dtick)
    {
        var vals = new List<double>();
        var labels = new List<string>();
        int start = (int)Math.Max(0, Math.Ceiling(lo - 1e-9));
        for (double v = start; v <= hi + 1e-9 && v < ax.Categories.Count && vals.Count < MaxTicks * 4; v += dtick)
        {
            vals.Add(v);
            labels.Add(ax.Categories[(int)v]);
        }
        return new Ticks(vals.ToArray(), labels.ToArray());
    }

    private static Ticks FromArray(Axis ax, Props p, double lo, double hi)
    {
        var tv = DataArray.From(p.Get("tickvals"), "tickvals");
        var tt = DataArray.From(p.Get("ticktext"), "ticktext");
        var vals = new List<double>();
        var labels = new List<string>();
        var fmt = new LinearFormat(ax, (hi - lo) / 5, lo, hi);
        for (int i = 0; i < tv.Length && vals.Count < MaxTicks; i++)
        {
            double v = ax.ToValue(tv, i);
            if (double.IsNaN(v) || v < lo - 1e-9 * (hi - lo) || v > hi + 1e-9 * (hi - lo)) continue;
            vals.Add(v);
            labels.Add(tt.TextAt(i) ?? (ax.Type == AxisType.Category ? ax.Categories[(int)v] : ax.Type == AxisType.Date ? Dates.Format(v, "%b %-d, %Y") : fmt.Label(v)));
        }
        return new Ticks(vals.ToArray(), labels.ToArray());
    }

    /// <summary>Tick label text for linear axes: tickformat, prefix/suffix and plotly's rounding and SI exponent.</summary>
    internal sealed class LinearFormat
    {
        private readonly string? _tickformat;
        private readonly string _prefix;
        private readonly string _suffix;
        private readonly int _decimals;
        private readonly int _exponent;
        private readonly bool _sep;
        private readonly string _expFormat;

        public LinearFormat(Axis ax, double dtick, double lo, double hi)
        {
            var p = ax.P;
            _tickformat = p.Str("tickformat");
            if (string.IsNullOrEmpty(_tickformat)) _tickformat = null;
            _prefix = p.Str("tickprefix") ?? "";
            _suffix = p.Str("ticksuffix") ?? "";
            _sep = p.Bool("separatethousands", false);
            _expFormat = p.Str("exponentformat") ?? "B";
            _decimals = Math.Max(0, 2 - (int)Math.Floor(Math.Log10(dtick) + 0.01));
            double maxend = Math.Max(Math.Abs(lo), Math.Abs(hi));
            int rangeexp = maxend > 0 ? (int)Math.Floor(Math.Log10(maxend) + 0.01) : 0;
            _exponent = 0;
            if (Math.Abs(rangeexp) > 3 && _expFormat != "none")
                _exponent = _expFormat is "B" or "SI" && rangeexp is < 15 and > -15 ? 3 * (int)Math.Round((rangeexp - 1) / 3.0) : rangeexp;
            if (_exponent < 0) _decimals = Math.Max(_decimals, -_exponent + 2);
        }

        public string Label(double v)
        {
            string body = _tickformat is not null
                ? D3Format.Format(v, _tickformat)
                : NumberText.Tick(v, _decimals, _exponent, _sep, _expFormat);
            return _prefix + body + _suffix;
        }
    }

    internal static string Invariant(double v) => v.ToString(CultureInfo.InvariantCulture);
}
