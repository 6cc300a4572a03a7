using Notifications.Charts.Axes;
using Notifications.Charts.Parsing;
using Notifications.Charts.Rendering;
using SkiaSharp;

namespace Notifications.Charts.Traces;

/// <summary>A scatter trace: lines, markers, fills (tozeroy, tonexty, stackgroup) with plotly's defaults.</summary>
internal sealed class ScatterTrace
{
    // Above this many points lines are reduced to min/max per pixel column before drawing.
    private const int DecimateAbove = 4000;

    public ScatterTrace(TraceInput input, ChartContext ctx)
    {
        Input = input;
        var p = input.P;
        X = DataArray.From(p.Get("x"), "x");
        Y = DataArray.From(p.Get("y"), "y");
        Name = p.Str("name") ?? $"trace {input.Index}";
        Color = Colors.TryParse(p.Str("marker.color")) ?? Colors.TryParse(p.Str("line.color")) ?? ctx.TraceColor(input.Index);
        StackGroup = p.Str("stackgroup");
        int n = Math.Max(X.Length, Y.Length);
        var mode = p.Str("mode") ?? (StackGroup is not null ? "lines" : n < 20 ? "lines+markers" : "lines");
        HasLines = mode.Contains("lines");
        HasMarkers = mode.Contains("markers");
        HasText = mode.Contains("text");
        LineColor = Colors.TryParse(p.Str("line.color")) ?? Color;
        LineWidth = (float)Math.Clamp(p.Num("line.width", 2), 0, 100);
        Dash = p.Str("line.dash") ?? "solid";
        MarkerSize = (float)Math.Clamp(p.Num("marker.size", 6), 0, 200);
        if (p.Get("marker.size") is { ValueKind: System.Text.Json.JsonValueKind.Array } sizes)
        {
            // Bubble chart: per-point diameters (sizemode "area" takes the square root), scaled by sizeref.
            var raw = DataArray.From(sizes, "marker.size").Numbers;
            double sizeref = p.Num("marker.sizeref") is { } sr && sr > 0 ? sr : 1;
            bool area = p.Str("marker.sizemode") == "area";
            MarkerSizes = raw.Select(v => double.IsFinite(v) && v > 0 ? (float)Math.Clamp(area ? Math.Sqrt(v / sizeref) : v / sizeref, 0, 200) : 0f).ToArray();
            MarkerSize = MarkerSizes.Length > 0 ? MarkerSizes.Max() : MarkerSize;
        }
        MarkerSymbol = p.Str("marker.symbol") ?? "circle";
        MarkerColors = p.Get("marker.color") is { ValueKind: System.Text.Json.JsonValueKind.Array } mc ? DataArray.From(mc, "marker.color") : null;
        bool bubble = MarkerSizes is not null;
        // plotly's bubble defaults: a 1 px outline in the plot background colour, and 0.7 opacity.
        MarkerLineWidth = (float)Math.Clamp(p.Num("marker.line.width", bubble ? 1 : 0), 0, 50);
        MarkerLineColor = Colors.TryParse(p.Str("marker.line.color")) ?? (bubble ? ctx.PlotColor : new SKColor(0x44, 0x44, 0x44));
        Opacity = Math.Clamp(p.Num("opacity", 1), 0, 1);
        // plotly.js does not apply trace opacity to filled scatter traces (its fill colour carries the transparency).
        if ((p.Str("fill") ?? "none") != "none") Opacity = 1;
        MarkerOpacity = Math.Clamp(p.Num("marker.opacity", bubble ? 0.7 : 1), 0, 1);
        Fill = p.Str("fill") ?? (StackGroup is not null ? "tonexty" : "none");
        var fc = Colors.TryParse(p.Str("fillcolor"));
        // plotly's default fill is the trace colour at half opacity.
        FillColor = fc ?? Colors.WithOpacity(HasLines || !HasMarkers ? LineColor : Color, 0.5);
        ShowLegend = p.Bool("showlegend", true);
        Visible = p.Str("visible") is not ("false" or "legendonly");
        LegendGroup = p.Str("legendgroup");
        LegendRank = p.Num("legendrank", 1000);
        Connectgaps = p.Bool("connectgaps", false);
        LineShape = p.Str("line.shape") ?? "linear";
    }

    public TraceInput Input { get; }

    public DataArray X { get; }

    public DataArray Y { get; }

    public string Name { get; }

    public SKColor Color { get; }

    public string? StackGroup { get; }

    public bool HasLines { get; }

    public bool HasMarkers { get; }

    public bool HasText { get; }

    public SKColor LineColor { get; }

    public float LineWidth { get; }

    public string Dash { get; }

    public float MarkerSize { get; }

    /// <summary>Per-point diameters when marker.size is an array (bubble charts).</summary>
    public float[]? MarkerSizes { get; }

    public string MarkerSymbol { get; }

    public DataArray? MarkerColors { get; }

    public float MarkerLineWidth { get; }

    public SKColor MarkerLineColor { get; }

    public double Opacity { get; }

    public double MarkerOpacity { get; }

    public string Fill { get; set; }

    public SKColor FillColor { get; }

    public bool ShowLegend { get; }

    public bool Visible { get; }

    public string? LegendGroup { get; }

    public double LegendRank { get; }

    public bool Connectgaps { get; }

    public string LineShape { get; }

    /// <summary>Points in axis units after conversion and stacking.</summary>
    public double[] Xs { get; private set; } = Array.Empty<double>();

    public double[] Ys { get; private set; } = Array.Empty<double>();

    /// <summary>The trace this one fills to (tonexty), set by the chart.</summary>
    public ScatterTrace? FillTarget { get; set; }

    public double MarkerPad => HasMarkers ? Math.Max(MarkerSize / 1.6, 3) : 0;

    /// <summary>Converts x/y to axis units. Missing x becomes 0..n-1 (x0/dx); extra points on the longer side are dropped.</summary>
    public void Convert(Axis xa, Axis ya)
    {
        var p = Input.P;
        int n;
        if (X.Length == 0 && Y.Length == 0) { Xs = Ys = Array.Empty<double>(); return; }
        if (X.Length == 0 || Y.Length == 0)
        {
            n = Math.Max(X.Length, Y.Length);
            double x0 = p.Num("x0", 0), dx = p.Num("dx", 1), y0 = p.Num("y0", 0), dy = p.Num("dy", 1);
            Xs = new double[n];
            Ys = new double[n];
            for (int i = 0; i < n; i++)
            {
                Xs[i] = X.Length == 0 ? x0 + dx * i : xa.ToValue(X, i);
                Ys[i] = Y.Length == 0 ? y0 + dy * i : ya.ToValue(Y, i);
            }
            return;
        }
        n = Math.Min(X.Length, Y.Length);
        Xs = new double[n];
        Ys = new double[n];
        for (int i = 0; i < n; i++)
        {
            Xs[i] = xa.ToValue(X, i);
            Ys[i] = ya.ToValue(Y, i);
        }
    }

    /// <summary>Adds the values of the previous trace in the stack group at the same x.</summary>
    public void StackOn(ScatterTrace below)
    {
        var map = new Dictionary<double, double>();
        for (int i = 0; i < below.Xs.Length; i++)
            if (!double.IsNaN(below.Xs[i])) map[below.Xs[i]] = below.Ys[i];
        for (int i = 0; i < Ys.Length; i++)
        {
            if (double.IsNaN(Ys[i])) Ys[i] = 0; // stacked areas treat gaps as zero
            if (map.TryGetValue(Xs[i], out var b) && !double.IsNaN(b)) Ys[i] += b;
        }
    }

    public void Expand(Axis xa, Axis ya, bool firstInFillChain)
    {
        if (Xs.Length == 0) return;
        double ppad = MarkerPad;
        bool fillY = Fill is "tozeroy" || (Fill == "tonexty" && firstInFillChain);
        bool anyYFill = Fill is "tozeroy" or "tonexty";
        // x: padded unless only lines (or a y fill) are drawn
        bool xPadded = !anyYFill && (HasMarkers || HasText);
        bool yPadded = !(Fill is "tonextx" or "tozerox");
        if (MarkerSizes is not null && HasMarkers && Xs.Length <= 2000)
        {
            // Each bubble pads the range by its own radius.
            for (int i = 0; i < Xs.Length; i++)
            {
                if (double.IsNaN(Xs[i]) || double.IsNaN(Ys[i])) continue;
                double pp = i < MarkerSizes.Length ? Math.Max(MarkerSizes[i] / 1.6, 3) : 3;
                xa.Extremes.AddPoint(Xs[i], xPadded ? pp : 0, xPadded);
                ya.Extremes.AddPoint(Ys[i], pp, yPadded);
            }
            return;
        }
        xa.Extremes.Add(Xs, xPadded ? ppad : 0, xPadded, Fill == "tozerox");
        ya.Extremes.Add(Ys, ppad, yPadded, fillY);
    }

    public void DrawFill(SKCanvas canvas, Axis xa, Axis ya)
    {
        if (!Visible || Fill is "none" || Xs.Length == 0) return;
        var pts = PixelPoints(xa, ya, decimate: true);
        if (pts.Count == 0) return;
        using var path = new SKPathBuilder();
        if (Fill == "tozeroy" || (Fill == "tonexty" && FillTarget is null))
        {
            float zero = (float)ya.ToPx(Math.Clamp(0, Math.Min(ya.R0, ya.R1), Math.Max(ya.R0, ya.R1)));
            path.MoveTo(pts[0].X, zero);
            foreach (var pt in pts) path.LineTo(pt);
            path.LineTo(pts[^1].X, zero);
            path.Close();
        }
        else if (Fill == "tozerox" || (Fill == "tonextx" && FillTarget is null))
        {
            float zero = (float)xa.ToPx(Math.Clamp(0, Math.Min(xa.R0, xa.R1), Math.Max(xa.R0, xa.R1)));
            path.MoveTo(zero, pts[0].Y);
            foreach (var pt in pts) path.LineTo(pt);
            path.LineTo(zero, pts[^1].Y);
            path.Close();
        }
        else if (Fill is "tonexty" or "tonextx" && FillTarget is not null)
        {
            var other = FillTarget.PixelPoints(xa, ya, decimate: true);
            path.MoveTo(pts[0]);
            foreach (var pt in pts) path.LineTo(pt);
            for (int i = other.Count - 1; i >= 0; i--) path.LineTo(other[i]);
            path.Close();
        }
        else if (Fill == "toself")
        {
            path.MoveTo(pts[0]);
            foreach (var pt in pts) path.LineTo(pt);
            path.Close();
        }
        using var paint = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = Colors.WithOpacity(FillColor, Opacity) };
        canvas.DrawPath(path, paint);
    }

    public void DrawLinesAndMarkers(SKCanvas canvas, Axis xa, Axis ya)
    {
        if (!Visible || Xs.Length == 0) return;
        if (HasLines && LineWidth > 0)
        {
            using var paint = new SKPaint
            {
                IsAntialias = true,
                Style = SKPaintStyle.Stroke,
                StrokeWidth = LineWidth,
                Color = Colors.WithOpacity(LineColor, Opacity),
                StrokeJoin = SKStrokeJoin.Round,
                StrokeCap = SKStrokeCap.Butt,
            };
            using var dash = Drawing.Dash(Dash, LineWidth);
            paint.PathEffect = dash;
            using var path = new SKPathBuilder();
            if (Xs.Length > DecimateAbove)
            {
                bool pen = false;
                foreach (var pt in PixelPoints(xa, ya, decimate: true, keepGaps: !Connectgaps))
                {
                    if (float.IsNaN(pt.X)) { pen = false; continue; }
                    if (!pen) { path.MoveTo(pt); pen = true; }
                    else path.LineTo(pt);
                }
            }
            else if (LineShape == "spline")
            {
                AddSpline(path, xa, ya);
            }
            else
            {
                var (sx, sy) = Shaped(LineShape);
                AddClippedPolyline(path, xa, ya, sx, sy);
            }
            canvas.DrawPath(path, paint);
        }
        if (HasMarkers && MarkerSize > 0)
        {
            using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
            using var stroke = MarkerLineWidth > 0
                ? new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = MarkerLineWidth, Color = MarkerLineColor }
                : null;
            var baseColor = Colors.WithOpacity(Color, Opacity * MarkerOpacity);
            int n = Xs.Length;
            float left = (float)xa.Pos - MarkerSize, right = (float)(xa.Pos + xa.Len) + MarkerSize;
            float top = (float)ya.Pos - MarkerSize, bottom = (float)(ya.Pos + ya.Len) + MarkerSize;
            // Dense series: at most one marker per grid cell (a third of the marker size): the picture is the same.
            float cell = Math.Max(1, MarkerSize / 3);
            int gw = (int)((right - left) / cell) + 2, gh = (int)((bottom - top) / cell) + 2;
            bool[]? seen = n > DecimateAbove ? new bool[gw * gh] : null;
            for (int i = 0; i < n; i++)
            {
                if (double.IsNaN(Xs[i]) || double.IsNaN(Ys[i])) continue;
                float x = (float)xa.ToPx(Xs[i]), y = (float)ya.ToPx(Ys[i]);
                if (x < left || x > right || y < top || y > bottom) continue;
                if (seen is not null)
                {
                    int cellIndex = (int)((y - top) / cell) * gw + (int)((x - left) / cell);
                    if (seen[cellIndex]) continue;
                    seen[cellIndex] = true;
                }
                fill.Color = MarkerColors is not null && Colors.TryParse(MarkerColors.TextAt(i)) is { } c
                    ? Colors.WithOpacity(c, Opacity * MarkerOpacity)
                    : baseColor;
                Drawing.Marker(canvas, MarkerSymbol, x, y, MarkerSizes is not null ? (i < MarkerSizes.Length ? MarkerSizes[i] : 0) : MarkerSize, fill, stroke);
            }
        }
    }

    /// <summary>
    /// Adds the line as segments clipped (in double precision) to a box around the plot, so points far
    /// outside a fixed range still leave the plot at the right angle.
    /// </summary>
    /// <summary>Step shapes (hv, vh, hvh, vhv) as extra corner points; linear returns the points as they are.</summary>
    private (double[] X, double[] Y) Shaped(string shape)
    {
        if (shape is not ("hv" or "vh" or "hvh" or "vhv") || Xs.Length < 2) return (Xs, Ys);
        var xs = new List<double>(Xs.Length * 3);
        var ys = new List<double>(Xs.Length * 3);
        xs.Add(Xs[0]);
        ys.Add(Ys[0]);
        for (int i = 1; i < Xs.Length; i++)
        {
            double x0 = Xs[i - 1], y0 = Ys[i - 1], x1 = Xs[i], y1 = Ys[i];
            if (!double.IsNaN(x0) && !double.IsNaN(y0) && !double.IsNaN(x1) && !double.IsNaN(y1))
            {
                switch (shape)
                {
                    case "hv": xs.Add(x1); ys.Add(y0); break;
                    case "vh": xs.Add(x0); ys.Add(y1); break;
                    case "hvh": xs.Add((x0 + x1) / 2); ys.Add(y0); xs.Add((x0 + x1) / 2); ys.Add(y1); break;
                    case "vhv": xs.Add(x0); ys.Add((y0 + y1) / 2); xs.Add(x1); ys.Add((y0 + y1) / 2); break;
                }
            }
            xs.Add(x1);
            ys.Add(y1);
        }
        return (xs.ToArray(), ys.ToArray());
    }

    /// <summary>A smooth curve through the points (Catmull-Rom as cubic Béziers), like plotly's spline shape.</summary>
    private void AddSpline(SKPathBuilder path, Axis xa, Axis ya)
    {
        var pts = PixelPoints(xa, ya, decimate: false, keepGaps: !Connectgaps);
        int start = 0;
        for (int i = 0; i <= pts.Count; i++)
        {
            if (i < pts.Count && !float.IsNaN(pts[i].X)) continue;
            int n = i - start;
            if (n >= 1) path.MoveTo(pts[start]);
            for (int k = start; k < i - 1; k++)
            {
                var p0 = pts[Math.Max(k - 1, start)];
                var p1 = pts[k];
                var p2 = pts[k + 1];
                var p3 = pts[Math.Min(k + 2, i - 1)];
                const float t = 1f / 6;
                path.CubicTo(p1.X + (p2.X - p0.X) * t, p1.Y + (p2.Y - p0.Y) * t, p2.X - (p3.X - p1.X) * t, p2.Y - (p3.Y - p1.Y) * t, p2.X, p2.Y);
            }
            start = i + 1;
        }
    }

    private void AddClippedPolyline(SKPathBuilder path, Axis xa, Axis ya, double[] Xs, double[] Ys)
    {
        double bx0 = xa.Pos - 50, bx1 = xa.Pos + xa.Len + 50, by0 = ya.Pos - 50, by1 = ya.Pos + ya.Len + 50;
        bool havePrev = false, pen = false;
        double px = 0, py = 0;
        float lastX = float.NaN, lastY = float.NaN;
        for (int i = 0; i < Xs.Length; i++)
        {
            if (double.IsNaN(Xs[i]) || double.IsNaN(Ys[i]))
            {
                if (!Connectgaps) { havePrev = false; pen = false; }
                continue;
            }
            double x = xa.ToPx(Xs[i]), y = ya.ToPx(Ys[i]);
            if (!havePrev)
            {
                havePrev = true;
                px = x; py = y;
                if (x >= bx0 && x <= bx1 && y >= by0 && y <= by1)
                {
                    path.MoveTo((float)x, (float)y);
                    pen = true;
                    lastX = (float)x; lastY = (float)y;
                }
                continue;
            }
            double ax0 = px, ay0 = py, ax1 = x, ay1 = y;
            if (Clip(ref ax0, ref ay0, ref ax1, ref ay1, bx0, by0, bx1, by1))
            {
                float sx = (float)ax0, sy = (float)ay0;
                if (!pen || sx != lastX || sy != lastY) path.MoveTo(sx, sy);
                path.LineTo((float)ax1, (float)ay1);
                pen = true;
                lastX = (float)ax1; lastY = (float)ay1;
                // A segment that left the box ends the current run.
                if (ax1 != x || ay1 != y) pen = false;
            }
            else pen = false;
            px = x; py = y;
        }
    }

    // Liang-Barsky segment clipping.
    private static bool Clip(ref double x0, ref double y0, ref double x1, ref double y1, double xmin, double ymin, double xmax, double ymax)
    {
        double dx = x1 - x0, dy = y1 - y0, t0 = 0, t1 = 1;
        if (!double.IsFinite(dx) || !double.IsFinite(dy)) return false;
        bool Edge(double p, double q)
        {
            if (p == 0) return q >= 0;
            double r = q / p;
            if (p < 0) { if (r > t1) return false; if (r > t0) t0 = r; }
            else { if (r < t0) return false; if (r < t1) t1 = r; }
            return true;
        }
        if (!Edge(-dx, x0 - xmin) || !Edge(dx, xmax - x0) || !Edge(-dy, y0 - ymin) || !Edge(dy, ymax - y0)) return false;
        double nx0 = x0 + t0 * dx, ny0 = y0 + t0 * dy, nx1 = x0 + t1 * dx, ny1 = y0 + t1 * dy;
        x0 = nx0; y0 = ny0; x1 = nx1; y1 = ny1;
        return true;
    }

    /// <summary>Pixel points, with NaN markers at gaps and min/max-per-column decimation for huge series.</summary>
    public List<SKPoint> PixelPoints(Axis xa, Axis ya, bool decimate, bool keepGaps = false)
    {
        int n = Xs.Length;
        var pts = new List<SKPoint>(Math.Min(n, 8192));
        bool canDecimate = decimate && n > DecimateAbove;
        int lastCol = int.MinValue;
        float colMin = 0, colMax = 0, colFirst = 0, colLast = 0, colX = 0;
        bool colOpen = false;
        void Flush()
        {
            if (!colOpen) return;
            // first, extremes, last keeps the outline of the column faithful
            pts.Add(new SKPoint(colX, colFirst));
            if (colMin != colFirst && colMin != colLast) pts.Add(new SKPoint(colX, colMin));
            if (colMax != colFirst && colMax != colLast) pts.Add(new SKPoint(colX, colMax));
            if (colLast != colFirst) pts.Add(new SKPoint(colX, colLast));
            colOpen = false;
        }
        for (int i = 0; i < n; i++)
        {
            double xv = Xs[i], yv = Ys[i];
            if (double.IsNaN(xv) || double.IsNaN(yv))
            {
                if (keepGaps)
                {
                    Flush();
                    pts.Add(new SKPoint(float.NaN, float.NaN));
                }
                continue;
            }
            float x = Clamp(xa.ToPx(xv)), y = Clamp(ya.ToPx(yv));
            if (!canDecimate) { pts.Add(new SKPoint(x, y)); continue; }
            int col = (int)MathF.Floor(x);
            if (col != lastCol)
            {
                Flush();
                lastCol = col;
                colX = x;
                colMin = colMax = colFirst = colLast = y;
                colOpen = true;
            }
            else
            {
                colMin = Math.Min(colMin, y);
                colMax = Math.Max(colMax, y);
                colLast = y;
            }
        }
        Flush();
        return pts;
    }

    // Keep far-off points finite so Skia paths stay well-formed.
    private static float Clamp(double v) => (float)Math.Clamp(v, -1e6, 1e6);

    public LegendItem Legend(int order)
    {
        var symbol = HasLines && HasMarkers ? LegendSymbol.LineMarker
            : HasMarkers ? LegendSymbol.Marker : HasLines ? LegendSymbol.Line : LegendSymbol.Fill;
        return new LegendItem(Name, symbol, Color, LineColor, Math.Min(LineWidth, 5), Dash, Colors.WithOpacity(Color, MarkerOpacity),
            Math.Min(MarkerSize, 16), MarkerSymbol, FillColor, LegendGroup, order, Filled: Fill != "none");
    }
}
