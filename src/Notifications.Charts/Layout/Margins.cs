using Notifications.Charts.Parsing;

namespace Notifications.Charts.Layout;

/// <summary>
/// Plot margins: layout.margin (default 80/80/100/80) plus plotly's auto-margin pushes, where an element
/// anchored at a paper fraction (the legend at x=1.02) must fit: the plot shrinks until every push fits.
/// </summary>
internal sealed class Margins
{
    private readonly List<(double Frac, double Size)> _left = new();
    private readonly List<(double Frac, double Size)> _right = new();
    private readonly List<(double Frac, double Size)> _bottom = new();
    private readonly List<(double Frac, double Size)> _top = new();

    public Margins(Props layout)
    {
        var m = layout.Sub("margin");
        L = Math.Max(0, m.Num("l", 80));
        R = Math.Max(0, m.Num("r", 80));
        T = Math.Max(0, m.Num("t", 100));
        B = Math.Max(0, m.Num("b", 80));
        Pad = Math.Max(0, m.Num("pad", 0));
        AutoExpand = m.Bool("autoexpand", true);
    }

    public double L { get; set; }

    public double R { get; set; }

    public double T { get; set; }

    public double B { get; set; }

    public double Pad { get; }

    public bool AutoExpand { get; }

    /// <summary>An element at paper fraction <paramref name="frac"/> needing <paramref name="size"/> px beyond it.</summary>
    public void PushRight(double frac, double size) => _right.Add((frac, size));

    public void PushLeft(double frac, double size) => _left.Add((frac, size));

    public void PushBottom(double frac, double size) => _bottom.Add((frac, size));

    public void PushTop(double frac, double size) => _top.Add((frac, size));

    /// <summary>Solves the pushes for a paper size, keeping at least 64 px of plot when possible.</summary>
    public (double L, double R, double T, double B) Resolve(double width, double height)
    {
        var (l, r) = Solve(width, L, R, _left, _right);
        var (b, t) = Solve(height, B, T, _bottom, _top);
        // Never let margins eat the whole figure: shrink proportionally instead.
        (l, r) = Fit(width, l, r);
        (b, t) = Fit(height, b, t);
        return (l, r, t, b);
    }

    private (double Lo, double Hi) Solve(double full, double lo, double hi, List<(double Frac, double Size)> lows, List<(double Frac, double Size)> highs)
    {
        if (!AutoExpand || (lows.Count == 0 && highs.Count == 0)) return (lo, hi);
        var lowSet = new List<(double Frac, double Size)>(lows) { (0, lo) };
        var highSet = new List<(double Frac, double Size)>(highs) { (1, hi) };
        double bestW = full - lo - hi;
        double bestLo = lo;
        foreach (var a in lowSet)
        {
            foreach (var b in highSet)
            {
                double span = b.Frac - a.Frac;
                if (span <= 0) continue;
                double w = (full - a.Size - b.Size) / span;
                if (w < bestW)
                {
                    bestW = w;
                    bestLo = a.Size - a.Frac * w;
                }
            }
        }
        if (bestW < 1) return (lo, hi);
        bestLo = Math.Max(bestLo, 0);
        return (bestLo, Math.Max(0, full - bestLo - bestW));
    }

    private static (double, double) Fit(double full, double a, double b)
    {
        double minPlot = Math.Min(64, full * 0.5);
        if (full - a - b >= minPlot) return (a, b);
        double avail = Math.Max(0, full - minPlot);
        double s = a + b > 0 ? avail / (a + b) : 0;
        return (a * s, b * s);
    }
}
