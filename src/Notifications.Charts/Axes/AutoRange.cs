namespace Notifications.Charts.Axes;

/// <summary>
/// plotly's autorange: every trace contributes extreme points with a pixel padding
/// (marker size, plus 5% of the axis length when "padded"); the range is the tightest one
/// that keeps every point and its padding inside the axis.
/// </summary>
internal sealed class AutoRange
{
    private readonly List<(double V, double Ppad, bool Padded)> _mins = new();
    private readonly List<(double V, double Ppad, bool Padded)> _maxs = new();

    public bool IsEmpty => _mins.Count == 0;

    /// <param name="zeroTight">An extreme exactly at zero gets no padding even without <paramref name="toZero"/> (bars on a base).</param>
    public void Add(ReadOnlySpan<double> values, double ppad, bool padded, bool toZero, bool zeroTight = false)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsNaN(v) || double.IsInfinity(v)) continue;
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
        if (lo > hi) return;
        if (toZero)
        {
            // Zero is included, and an extreme sitting exactly at zero gets no padding (plotly's tozero rule).
            lo = Math.Min(lo, 0);
            hi = Math.Max(hi, 0);
        }
        bool tight = toZero || zeroTight;
        _mins.Add(tight && lo == 0 ? (0, 0, false) : (lo, ppad, padded));
        _maxs.Add(tight && hi == 0 ? (0, 0, false) : (hi, ppad, padded));
    }

    public void AddPoint(double v, double ppad, bool padded)
    {
        if (!double.IsFinite(v)) return;
        _mins.Add((v, ppad, padded));
        _maxs.Add((v, ppad, padded));
    }

    public (double Lo, double Hi) Compute(double axisLen)
    {
        if (_mins.Count == 0) return (-1, 6);
        double Pad((double V, double Ppad, bool Padded) p) => p.Ppad + (p.Padded ? 0.05 * axisLen : 0);
        double minmin = _mins.Min(m => m.V), maxmax = _maxs.Max(m => m.V);
        if (minmin == maxmax)
        {
            // plotly gives a single value a unit of room on each side.
            return (minmin - 1, minmin + 1);
        }
        double mbest = 0;
        var minbest = _mins[0];
        var maxbest = _maxs[0];
        foreach (var mn in _mins)
        {
            foreach (var mx in _maxs)
            {
                double dv = mx.V - mn.V;
                if (dv <= 0) continue;
                double dp = axisLen - Pad(mn) - Pad(mx);
                if (dp <= 0) continue;
                double m = dv / dp;
                if (m > mbest)
                {
                    mbest = m;
                    minbest = mn;
                    maxbest = mx;
                }
            }
        }
        if (mbest == 0) return (minmin, maxmax);
        double lo = minbest.V - mbest * Pad(minbest);
        double hi = maxbest.V + mbest * Pad(maxbest);
        return (lo, hi);
    }
}
