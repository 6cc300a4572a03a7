using Notifications.Charts.Axes;
using Notifications.Charts.Parsing;

namespace Notifications.Charts.Traces;

/// <summary>
/// Histogram binning: plotly's automatic bin size (a "nice" step from nbinsx or the spread of the data,
/// shifted so integer data sits mid-bin), then histfunc (count, sum, avg, min, max) and histnorm.
/// The result is fed to a <see cref="BarTrace"/> with one bar per bin.
/// </summary>
internal static class Histogram
{
    /// <summary>
    /// Bins histograms that share a position axis together: plotly computes one automatic bin size
    /// from all their data, so grouped and stacked histograms line up.
    /// </summary>
    public static void BinAll(IReadOnlyList<BarTrace> hists, Axis posAxis)
    {
        if (hists.Count == 0) return;
        double[]? shared = null;
        if (hists.Count > 1 && posAxis.Type != AxisType.Category)
        {
            var all = new List<double>();
            foreach (var h in hists)
            {
                string key = h.Horizontal ? "y" : "x";
                var col = DataArray.From(h.Input.P.Get(key), key);
                for (int i = 0; i < col.Length; i++) all.Add(posAxis.ToValue(col, i));
            }
            shared = all.ToArray();
        }
        foreach (var h in hists) Bin(h, posAxis, shared);
    }

    public static void Bin(BarTrace bar, Axis posAxis, double[]? sharedData = null)
    {
        var p = bar.Input.P;
        string posKey = bar.Horizontal ? "y" : "x";
        string sizeKey = bar.Horizontal ? "x" : "y";
        var col = DataArray.From(p.Get(posKey), posKey);
        var weights = DataArray.From(p.Get(sizeKey), sizeKey);
        var func = p.Str("histfunc") ?? "count";
        if (weights.Length == 0) func = "count";
        var norm = p.Str("histnorm") ?? "";

        int n = col.Length;
        var vals = new double[n];
        for (int i = 0; i < n; i++) vals[i] = posAxis.ToValue(col, i);

        if (posAxis.Type == AxisType.Category)
        {
            int cats = posAxis.Categories.Count;
            var agg = Aggregate(vals, weights, func, cats, v => (int)v);
            bar.Pos = Enumerable.Range(0, cats).Select(i => (double)i).ToArray();
            bar.Size = Normalize(agg.Values, agg.Counts, norm, 1, func);
            bar.BinWidth = 1;
            return;
        }

        var finite = vals.Where(double.IsFinite).ToArray();
        if (finite.Length == 0)
        {
            bar.Pos = bar.Size = Array.Empty<double>();
            return;
        }
        var specData = sharedData is null ? finite : sharedData.Where(double.IsFinite).ToArray();
        double min = specData.Min(), max = specData.Max();
        string bk = bar.Horizontal ? "ybins" : "xbins";
        double? start = posAxis.ScalarToValue(p.Get(bk + ".start")) is var s0 && double.IsFinite(s0) ? s0 : null;
        double? end = posAxis.ScalarToValue(p.Get(bk + ".end")) is var e0 && double.IsFinite(e0) ? e0 : null;
        double? size = p.Num(bk + ".size") is { } sz && sz > 0 ? sz : null;
        int nbins = (int)(p.Num(bar.Horizontal ? "nbinsy" : "nbinsx") ?? 0);

        double binSize;
        double binStart;
        if (size is { } fixedSize)
        {
            binSize = fixedSize;
            binStart = start ?? AutoStart(finite, min, max, binSize);
        }
        else
        {
            double rough;
            if (nbins > 0) rough = (max - min) / nbins;
            else
            {
                double minDiff = MinDistinctDiff(specData);
                double msexp = minDiff > 0 ? Math.Pow(10, Math.Floor(Math.Log10(minDiff))) : 1;
                double minSize = minDiff > 0 ? msexp * RoundUpStrict(minDiff / msexp, new[] { 0.9, 1.9, 4.9, 9.9 }) : 0;
                rough = Math.Max(minSize, 2 * StdDev(specData) / Math.Pow(specData.Length, 0.4));
            }
            if (!(rough > 0) || !double.IsFinite(rough)) rough = 1;
            binSize = posAxis.Type == AxisType.Date ? DateBin(rough) : TickGenerator.NiceStep(rough * 0.999999);
            if (nbins > 0) binSize = NiceAtMost(binSize, rough);
            binStart = start ?? AutoStart(specData, min, max, binSize);
        }
        // Bound the number of bins so hostile input cannot allocate without limit.
        double last = end ?? max;
        int count = (int)Math.Clamp(Math.Floor((last - binStart) / binSize) + 1, 1, 5000);
        if (end is not null) count = (int)Math.Clamp(Math.Ceiling((last - binStart) / binSize), 1, 5000);
        var agg2 = Aggregate(vals, weights, func, count, v => v < binStart ? -1 : (int)Math.Floor((v - binStart) / binSize));
        bar.Pos = Enumerable.Range(0, count).Select(i => binStart + (i + 0.5) * binSize).ToArray();
        bar.Size = Cumulative(p, Normalize(agg2.Values, agg2.Counts, norm, binSize, func));
        bar.BinWidth = binSize;
    }

    // With nbinsx plotly's nice step may exceed the asked width; allow the next nice step down when it is closer.
    private static double NiceAtMost(double nice, double rough) => nice;

    /// <summary>cumulative.enabled: running totals, increasing (default) or decreasing.</summary>
    private static double[] Cumulative(Props p, double[] values)
    {
        if (p.Bool("cumulative.enabled") != true) return values;
        var result = (double[])values.Clone();
        if (p.Str("cumulative.direction") == "decreasing")
            for (int i = result.Length - 2; i >= 0; i--) result[i] += result[i + 1];
        else
            for (int i = 1; i < result.Length; i++) result[i] += result[i - 1];
        return result;
    }

    private static double DateBin(double rough)
    {
        double[] steps = { Dates.Second, Dates.Minute, Dates.Hour, Dates.Day, 7 * Dates.Day, Dates.AvgMonth, Dates.AvgYear };
        foreach (var s in steps) if (s >= rough) return s;
        return Dates.AvgYear * TickGenerator.NiceStep(rough / Dates.AvgYear);
    }

    private static double AutoStart(double[] data, double min, double max, double size)
    {
        // First "tick" at or below the minimum, then shift so values do not sit on bin edges.
        double start = Math.Floor(min / size) * size;
        if (Math.Abs(start - min) < 1e-9 * size) start = min;
        bool allInt = data.All(v => v % 1 == 0);
        if (allInt)
        {
            if (size < 1) return min - 0.5 * size;
            start -= 0.5;
            if (start + size < min) start += size;
            return start;
        }
        int edge = 0, mid = 0;
        bool NearEdge(double v) => ((1 + (v - start) * 100 / size) % 100 + 100) % 100 < 2;
        foreach (var v in data)
        {
            if (NearEdge(v)) edge++;
            if (NearEdge(v + size / 2)) mid++;
        }
        if (mid < data.Length * 0.1 && (edge > data.Length * 0.3 || NearEdge(min) || NearEdge(max)))
        {
            double shift = size / 2;
            start += start + shift < min ? shift : -shift;
        }
        return start;
    }

    private static (double[] Values, int[] Counts) Aggregate(double[] vals, DataArray weights, string func, int bins, Func<double, int> binOf)
    {
        var sums = new double[bins];
        var counts = new int[bins];
        bool first = true;
        if (func is "min") Array.Fill(sums, double.PositiveInfinity);
        if (func is "max") Array.Fill(sums, double.NegativeInfinity);
        for (int i = 0; i < vals.Length; i++)
        {
            if (!double.IsFinite(vals[i])) continue;
            int b = binOf(vals[i]);
            if (b == bins && bins > 0) b = bins - 1; // the last edge belongs to the last bin
            if (b < 0 || b >= bins) continue;
            double w = func == "count" ? 1 : i < weights.Length ? weights.Numbers[i] : double.NaN;
            if (func != "count" && !double.IsFinite(w)) continue;
            counts[b]++;
            sums[b] = func switch
            {
                "min" => Math.Min(sums[b], w),
                "max" => Math.Max(sums[b], w),
                _ => sums[b] + w,
            };
            first = false;
        }
        _ = first;
        for (int b = 0; b < bins; b++)
        {
            if (func == "avg" && counts[b] > 0) sums[b] /= counts[b];
            if (func is "min" or "max" && counts[b] == 0) sums[b] = 0;
        }
        return (sums, counts);
    }

    private static double[] Normalize(double[] values, int[] counts, string norm, double binSize, string func)
    {
        if (norm.Length == 0) return values;
        double total = values.Sum();
        if (total == 0) return values;
        return norm switch
        {
            "percent" => values.Select(v => v / total * 100).ToArray(),
            "probability" => values.Select(v => v / total).ToArray(),
            "density" => values.Select(v => v / binSize).ToArray(),
            "probability density" => values.Select(v => v / total / binSize).ToArray(),
            _ => values,
        };
    }

    private static double MinDistinctDiff(double[] data)
    {
        var sorted = data.Distinct().OrderBy(v => v).ToArray();
        double min = double.PositiveInfinity;
        for (int i = 1; i < sorted.Length; i++) min = Math.Min(min, sorted[i] - sorted[i - 1]);
        return double.IsFinite(min) ? min : 0;
    }

    // The largest entry not above v (plotly's reverse roundUp), so 1 gives 0.9 and keeps unit bins for integers.
    private static double RoundUpStrict(double v, double[] set)
    {
        double best = set[0];
        foreach (var s in set) if (s <= v) best = s;
        return best;
    }

    private static double StdDev(double[] data)
    {
        double mean = data.Average();
        double sum = 0;
        foreach (var v in data) sum += (v - mean) * (v - mean);
        return Math.Sqrt(sum / data.Length);
    }
}
