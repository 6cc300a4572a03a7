using Notifications.Charts.Axes;
using Notifications.Charts.Parsing;

namespace Notifications.Charts.Traces;

/// <summary>
/// Cross-trace bar placement like plotly's setPositions: the bar slot is the smallest distance between
/// positions times (1 - bargap); barmode group splits it among traces (or offsetgroups), stack and relative
/// pile values up, overlay draws them on top of one another; barnorm scales stacks to 1 or 100.
/// </summary>
internal static class BarLayout
{
    public static void Apply(IReadOnlyList<BarTrace> bars, Props layout, Axis posAxis, Axis sizeAxis)
    {
        if (bars.Count == 0) return;
        bool allHist = bars.All(b => b.IsHistogram);
        var mode = layout.Str("barmode") ?? "group";
        if (mode is not ("group" or "stack" or "relative" or "overlay")) mode = "group";
        // Histograms are gapless by default, except over categories or when grouped side by side (plotly's "gappedAnyway").
        bool gapless = allHist && posAxis.Type != AxisType.Category && !(mode == "group" && bars.Count > 1);
        double bargap = Math.Clamp(layout.Num("bargap") ?? (gapless ? 0 : 0.2), 0, 1);
        double groupgap = Math.Clamp(layout.Num("bargroupgap") ?? 0, 0, 1);
        var barnorm = layout.Str("barnorm") ?? "";
        double dPos = MinDiff(bars);

        // Traces sharing an offsetgroup share a slot in group mode.
        var groupKeys = new List<string>();
        foreach (var b in bars)
        {
            var key = b.OffsetGroup is { Length: > 0 } g ? "g:" + g : "t:" + b.Input.Index;
            if (!groupKeys.Contains(key)) groupKeys.Add(key);
        }
        int nGroups = mode == "group" ? groupKeys.Count : 1;
        double slot = dPos * (1 - bargap) / nGroups;
        double barW = slot * (1 - groupgap);

        foreach (var b in bars)
        {
            int n = b.Pos.Length;
            b.Center = new double[n];
            b.Width = new double[n];
            b.Base = new double[n];
            b.Top = new double[n];
            int g = mode == "group" ? groupKeys.IndexOf(b.OffsetGroup is { Length: > 0 } og ? "g:" + og : "t:" + b.Input.Index) : 0;
            double slotCenterOffset = -dPos * (1 - bargap) / 2 + (g + 0.5) * slot;
            double thisW = b.IsHistogram && b.BinWidth is { } bw ? bw * (1 - bargap) / nGroups * (1 - groupgap) : barW;
            for (int i = 0; i < n; i++)
            {
                double w = b.WidthIn is { } wi && double.IsFinite(wi[i]) && wi[i] >= 0 ? wi[i] : thisW;
                double center = b.Pos[i] + (b.IsHistogram && b.BinWidth is { } bw2 ? slotCenterOffset * bw2 / dPos : slotCenterOffset);
                if (b.OffsetIn is { } oi && double.IsFinite(oi[i])) center = b.Pos[i] + oi[i] + w / 2;
                b.Center[i] = center;
                b.Width[i] = w;
            }
        }

        // Sizes, bases and tops
        bool stacking = mode is "stack" or "relative";
        var posSum = new Dictionary<double, double>();
        var negSum = new Dictionary<double, double>();
        Dictionary<double, double>? totals = null, negTotals = null;
        double norm = barnorm switch { "fraction" => 1, "percent" => 100, _ => 0 };
        if (norm > 0)
        {
            totals = new Dictionary<double, double>();
            negTotals = new Dictionary<double, double>();
            foreach (var b in bars)
                for (int i = 0; i < b.Pos.Length; i++)
                {
                    var v = b.Size[i];
                    if (!double.IsFinite(v)) continue;
                    var d = mode == "relative" && v < 0 ? negTotals : totals;
                    d[b.Pos[i]] = d.GetValueOrDefault(b.Pos[i]) + (mode == "relative" ? Math.Abs(v) : v);
                }
        }
        foreach (var b in bars)
        {
            for (int i = 0; i < b.Pos.Length; i++)
            {
                double v = b.Size[i];
                if (!double.IsFinite(v) || double.IsNaN(b.Pos[i])) { b.Base[i] = b.Top[i] = double.NaN; continue; }
                if (totals is not null)
                {
                    double t = mode == "relative" && v < 0 ? negTotals!.GetValueOrDefault(b.Pos[i]) : totals.GetValueOrDefault(b.Pos[i]);
                    v = t != 0 ? v / Math.Abs(t) * norm : 0;
                }
                double explicitBase = b.BaseIn is { } bi ? bi[i] : double.NaN;
                if (double.IsFinite(explicitBase))
                {
                    b.Base[i] = explicitBase;
                    b.Top[i] = explicitBase + v;
                    continue;
                }
                if (!stacking)
                {
                    b.Base[i] = 0;
                    b.Top[i] = v;
                    continue;
                }
                var sums = mode == "relative" && v < 0 ? negSum : posSum;
                double baseV = sums.GetValueOrDefault(b.Pos[i]);
                b.Base[i] = baseV;
                b.Top[i] = baseV + v;
                sums[b.Pos[i]] = baseV + v;
            }
        }

        // Autorange contributions: bar edges tight on the position axis; tops padded, zero tight on the size axis.
        double slotHalf = dPos / 2;
        foreach (var b in bars)
        {
            int n = b.Center.Length;
            var edges = new double[n * 2];
            for (int i = 0; i < n; i++)
            {
                // The whole slot (position +- half the spacing) stays in view, as in plotly.
                edges[2 * i] = Math.Min(b.Center[i] - b.Width[i] / 2, b.Pos[i] - slotHalf);
                edges[2 * i + 1] = Math.Max(b.Center[i] + b.Width[i] / 2, b.Pos[i] + slotHalf);
                if (double.IsNaN(b.Top[i])) edges[2 * i] = edges[2 * i + 1] = double.NaN;
            }
            posAxis.Extremes.Add(edges, 0, false, false);
            // Bars grow from zero unless given a base; a base of exactly zero is kept tight too.
            bool zeroBased = b.BaseIn is null || b.BaseIn.Any(v => v == 0);
            var vals = new double[n * 2];
            for (int i = 0; i < n; i++)
            {
                vals[2 * i] = b.Top[i];
                vals[2 * i + 1] = b.BaseIn is null ? double.NaN : b.Base[i];
            }
            // Normalised stacks stay tight at 0 and the norm; anything beyond them is padded like plain bars.
            bool padded = norm == 0 || vals.Any(v => v > norm * (1 + 1e-9) || v < -norm * 1e-9);
            sizeAxis.Extremes.Add(vals, b.OutsideTextPad, padded, zeroBased, zeroTight: true);
        }
    }

    private static double MinDiff(IReadOnlyList<BarTrace> bars)
    {
        var hist = bars.FirstOrDefault(b => b.IsHistogram && b.BinWidth is not null);
        if (hist is not null) return hist.BinWidth!.Value;
        var all = new List<double>();
        foreach (var b in bars) foreach (var p in b.Pos) if (double.IsFinite(p)) all.Add(p);
        if (all.Count < 2) return 1;
        all.Sort();
        double min = double.PositiveInfinity;
        for (int i = 1; i < all.Count; i++)
        {
            double d = all[i] - all[i - 1];
            if (d > 0 && d < min) min = d;
        }
        return double.IsFinite(min) ? min : 1;
    }
}
