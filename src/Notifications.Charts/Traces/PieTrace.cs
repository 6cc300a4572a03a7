using Notifications.Charts.Parsing;
using Notifications.Charts.Rendering;
using Notifications.Charts.Text;
using SkiaSharp;

namespace Notifications.Charts.Traces;

/// <summary>
/// A pie or donut: slices aggregated by label, sorted by value (sort), laid out from 12 o'clock
/// (the first slice clockwise of it, the rest following direction), with pull, hole and percent/label text.
/// </summary>
internal sealed class PieTrace
{
    private readonly List<Slice> _slices = new();

    /// <summary>Shared across the pies of a figure: the next colorway slot for a new label.</summary>
    internal sealed class Counter
    {
        private int _value;

        public int Next() => _value++;
    }

    private sealed record Slice(string Label, double Value, SKColor Color, double Pull, string? Text, int Order);

    public PieTrace(TraceInput input, ChartContext ctx, Dictionary<string, SKColor> labelColors, Counter colorIndex)
    {
        Input = input;
        var p = input.P;
        Name = p.Str("name") ?? $"trace {input.Index}";
        ShowLegend = p.Bool("showlegend", true);
        Visible = p.Str("visible") is not ("false" or "legendonly");
        Hole = Math.Clamp(p.Num("hole", 0), 0, 0.99);
        Sort = p.Bool("sort", true);
        Clockwise = p.Str("direction") == "clockwise";
        Rotation = p.Num("rotation", 0);
        TextInfo = p.Str("textinfo") ?? "percent";
        TextPosition = p.Str("textposition") ?? "auto";
        DomainX = Domain(p, "domain.x");
        DomainY = Domain(p, "domain.y");
        LineWidth = (float)Math.Clamp(p.Num("marker.line.width", 0), 0, 20);
        LineColor = Colors.TryParse(p.Str("marker.line.color")) ?? SKColors.White;
        Opacity = Math.Clamp(p.Num("opacity", 1), 0, 1);

        var labels = DataArray.From(p.Get("labels"), "labels");
        var values = DataArray.From(p.Get("values"), "values");
        var colors = DataArray.From(p.Get("marker.colors"), "marker.colors");
        var texts = DataArray.From(p.Get("text") is { ValueKind: System.Text.Json.JsonValueKind.Array } ? p.Get("text") : null, "text");
        var pulls = p.Get("pull") is { ValueKind: System.Text.Json.JsonValueKind.Array } ? DataArray.From(p.Get("pull"), "pull") : null;
        double pullScalar = pulls is null ? p.Num("pull", 0) : 0;
        double label0 = p.Num("label0", 0), dlabel = p.Num("dlabel", 1);

        int n = Math.Max(labels.Length, values.Length);
        var byLabel = new Dictionary<string, int>();
        var list = new List<(string Label, double Value, int First, double Pull, string? Text, SKColor? Color)>();
        for (int i = 0; i < n; i++)
        {
            var label = labels.Length > 0 ? labels.TextAt(i) : Axes.NumberText.Plain(label0 + dlabel * i);
            if (label is null) continue;
            double v = values.Length == 0 ? 1 : i < values.Length ? values.Numbers[i] : double.NaN;
            if (!double.IsFinite(v) || v < 0) continue;
            if (byLabel.TryGetValue(label, out var k))
            {
                var e = list[k];
                list[k] = e with { Value = e.Value + v };
                continue;
            }
            byLabel[label] = list.Count;
            list.Add((label, v, i, pulls is not null && i < pulls.Length && double.IsFinite(pulls.Numbers[i]) ? pulls.Numbers[i] : pullScalar,
                texts.TextAt(i), Colors.TryParse(colors.TextAt(i))));
        }
        // Sort first: plotly hands out colorway colours in drawing order.
        var ordered = Sort
            ? list.OrderByDescending(e => e.Value).ThenBy(e => e.First).ToList()
            : list;
        foreach (var e in ordered)
        {
            // Colours are shared by label across pies, continuing the colorway, as plotly does.
            if (!labelColors.TryGetValue(e.Label, out var c))
            {
                // Labels with their own colour do not use up a colorway slot.
                c = e.Color ?? ctx.TraceColor(colorIndex.Next());
                labelColors[e.Label] = c;
            }
            if (e.Color is { } own) c = own;
            _slices.Add(new Slice(e.Label, e.Value, c, Math.Clamp(e.Pull, 0, 1), e.Text, e.First));
        }
    }

    public TraceInput Input { get; }

    public string Name { get; }

    public bool ShowLegend { get; }

    public bool Visible { get; }

    public double Hole { get; }

    public bool Sort { get; }

    public bool Clockwise { get; }

    public double Rotation { get; }

    public string TextInfo { get; }

    public string TextPosition { get; }

    public (double, double) DomainX { get; }

    public (double, double) DomainY { get; }

    public float LineWidth { get; }

    public SKColor LineColor { get; }

    public double Opacity { get; }

    private static (double, double) Domain(Props p, string path)
    {
        if (p.Get(path) is { ValueKind: System.Text.Json.JsonValueKind.Array } arr && arr.GetArrayLength() == 2)
        {
            double a = JsonValues.ToDouble(arr[0]) ?? 0, b = JsonValues.ToDouble(arr[1]) ?? 1;
            a = Math.Clamp(a, 0, 1);
            b = Math.Clamp(b, 0, 1);
            if (b > a) return (a, b);
        }
        return (0, 1);
    }

    public IEnumerable<LegendItem> LegendItems(int orderBase) =>
        _slices.Select((s, i) => new LegendItem(s.Label, LegendSymbol.Box, s.Color, LineColor, Math.Min(LineWidth, 2), "solid", s.Color, 0, "square", s.Color, null, orderBase + i));

    /// <summary>Draws the pie within the plot area rectangle (paper minus margins).</summary>
    public void Draw(SKCanvas canvas, SKRect plot, ChartContext ctx)
    {
        if (!Visible || _slices.Count == 0) return;
        double total = _slices.Sum(s => s.Value);
        if (!(total > 0)) return;
        float x0 = plot.Left + (float)(plot.Width * DomainX.Item1), x1 = plot.Left + (float)(plot.Width * DomainX.Item2);
        float y0 = plot.Top + (float)(plot.Height * (1 - DomainY.Item2)), y1 = plot.Top + (float)(plot.Height * (1 - DomainY.Item1));
        float cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        double maxPull = _slices.Max(s => s.Pull);
        float r = Math.Min(x1 - x0, y1 - y0) / 2 / (float)(1 + maxPull);
        if (r <= 0) return;
        float inner = (float)(r * Hole);

        // Angles in degrees clockwise from 12 o'clock.
        double angle = Rotation;
        var spans = new List<(Slice S, double A0, double A1)>();
        for (int i = 0; i < _slices.Count; i++)
        {
            var s = _slices[i];
            double sweep = s.Value / total * 360;
            if (Clockwise) { spans.Add((s, angle, angle + sweep)); angle += sweep; }
            else
            {
                // Counterclockwise: the first slice still sits just clockwise of the start (plotly's rule).
                if (i == 0) { spans.Add((s, angle, angle + sweep)); }
                else { spans.Add((s, angle - sweep, angle)); angle -= sweep; }
            }
        }

        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = LineWidth, Color = LineColor };
        foreach (var (s, a0, a1) in spans)
        {
            if (a1 - a0 <= 0) continue;
            double mid = (a0 + a1) / 2 * Math.PI / 180;
            float pullPx = (float)(s.Pull * r);
            float px = cx + pullPx * (float)Math.Sin(mid), py = cy - pullPx * (float)Math.Cos(mid);
            using var path = SlicePath(px, py, r, inner, a0, a1);
            fill.Color = Colors.WithOpacity(s.Color, Opacity);
            canvas.DrawPath(path, fill);
            if (LineWidth > 0) canvas.DrawPath(path, stroke);
        }

        if (TextPosition == "none" || TextInfo == "none") return;
        var p = Input.P;
        var tf = FontSpec.From(p.Sub("textfont"), ctx.Font);
        var insideF = FontSpec.From(p.Sub("insidetextfont"), tf);
        var outsideF = FontSpec.From(p.Sub("outsidetextfont"), tf);
        bool colorSet = p.Sub("insidetextfont").Str("color") is not null || p.Sub("textfont").Str("color") is not null;
        foreach (var (s, a0, a1) in spans)
        {
            var text = SliceText(s, total);
            if (string.IsNullOrEmpty(text)) continue;
            double mid = (a0 + a1) / 2 * Math.PI / 180;
            float dx = (float)Math.Sin(mid), dy = -(float)Math.Cos(mid);
            float pullPx = (float)(s.Pull * r);
            float pcx = cx + pullPx * dx, pcy = cy + pullPx * dy;
            var font = colorSet ? insideF : insideF with { Color = Colors.IsDark(s.Color) ? SKColors.White : new SKColor(0x44, 0x44, 0x44) };
            float tw = ctx.Text.Width(text, font), th = ctx.Text.Height(text, font);
            float rm = (r + inner) / 2;
            if (TextPosition is "auto" or "inside")
            {
                // Text box: the glyph block, not the full line box, as plotly measures it.
                float boxH = font.Size * (TextPainter.LineHeight * ctx.Text.LineCount(text) - 0.3f) + 2;
                float midDeg = (float)((a0 + a1) / 2);
                // plotly tries horizontal text first, then the better of radial and tangential, shrinking if allowed.
                var (hScale, hR) = BestFit(tw, boxH, 0, inner, r, a0, a1, dx, dy);
                float radDeg = Upright(midDeg - 90), tanDeg = Upright(midDeg);
                var (radScale, radR) = BestFit(tw, boxH, radDeg, inner, r, a0, a1, dx, dy);
                var (tanScale, tanR) = BestFit(tw, boxH, tanDeg, inner, r, a0, a1, dx, dy);
                float best = Math.Max(hScale, Math.Max(radScale, tanScale));
                if (hScale >= 1 || (best < 1 && TextPosition == "inside" && hScale >= best))
                {
                    var fh = hScale >= 1 ? font : font with { Size = font.Size * Math.Max(hScale, 0.1f) };
                    ctx.Text.Draw(canvas, text, pcx + hR * dx, pcy + hR * dy, fh, HAlign.Center, VAlign.Middle);
                    continue;
                }
                if (best >= 1 || TextPosition == "inside")
                {
                    bool radial = radScale >= tanScale;
                    float rr = radial ? radR : tanR;
                    var f2 = best >= 1 ? font : font with { Size = font.Size * Math.Max(best, 0.1f) };
                    ctx.Text.Draw(canvas, text, pcx + rr * dx, pcy + rr * dy, f2, HAlign.Center, VAlign.Middle, radial ? radDeg : tanDeg);
                    continue;
                }
            }
            // Outside: plotly's transformOutsideText offsets the box from the rim point at mid-angle.
            float mx = r * dx, my = r * dy;
            float hw = ctx.Text.Width(text, outsideF) / 2, hh = ctx.Text.Height(text, outsideF) / 2;
            float ox = (mx < 0 ? -1 : 1) * (hw + hh / 2);
            float oyRaw = my < 0 ? -hh : hh;
            float oy = Math.Abs(my) < 1e-3f ? 0 : oyRaw / (1 + mx * mx / (my * my));
            float bx = pcx + mx + ox, by = pcy + my + oy;
            ctx.Text.Draw(canvas, text, bx, by, outsideF, HAlign.Center, VAlign.Middle);
        }
    }

    private static float Upright(float deg)
    {
        deg = ((deg % 180) + 180) % 180;
        return deg > 90 ? deg - 180 : deg;
    }

    /// <summary>
    /// The largest scale (up to 1) at which a w x h box rotated by <paramref name="rotDeg"/> fits inside the slice,
    /// centred somewhere on its bisector, and the radius where it fits best.
    /// </summary>
    private static (float Scale, float Radius) BestFit(float w, float h, float rotDeg, float inner, float r, double a0, double a1, float dx, float dy)
    {
        float bestScale = 0, bestR = (r + inner) / 2;
        ReadOnlySpan<float> fractions = stackalloc float[] { 0.5f, 0.45f, 0.55f, 0.4f, 0.6f, 0.65f, 0.35f, 0.7f, 0.3f, 0.75f, 0.8f };
        foreach (var f in fractions)
        {
            float rr = inner + (r - inner) * f;
            float cx = rr * dx, cy = rr * dy;
            float scale;
            if (FitsBox(cx, cy, w, h, rotDeg, inner, r, a0, a1)) scale = 1;
            else
            {
                float lo = 0, hi = 1;
                for (int i = 0; i < 7; i++)
                {
                    float mid = (lo + hi) / 2;
                    if (FitsBox(cx, cy, w * mid, h * mid, rotDeg, inner, r, a0, a1)) lo = mid;
                    else hi = mid;
                }
                scale = lo;
            }
            if (scale > bestScale + 1e-4f)
            {
                bestScale = scale;
                bestR = rr;
            }
            if (bestScale >= 1) break;
        }
        return (bestScale, bestR);
    }

    private static bool FitsBox(float cx, float cy, float w, float h, float rotDeg, float inner, float r, double a0, double a1)
    {
        double rad = rotDeg * Math.PI / 180;
        float c = (float)Math.Cos(rad), sn = (float)Math.Sin(rad);
        Span<(float X, float Y)> corners = stackalloc (float, float)[4];
        int k0 = 0;
        foreach (var (ux, uy) in new[] { (-0.5f, -0.5f), (0.5f, -0.5f), (-0.5f, 0.5f), (0.5f, 0.5f) })
        {
            float lx = ux * w, ly = uy * h;
            corners[k0++] = (cx + lx * c - ly * sn, cy + lx * sn + ly * c);
        }
        foreach (var (x, y) in corners)
        {
            float d = MathF.Sqrt(x * x + y * y);
            if (d > r - 1 || d < inner + 1) return false;
            double ang = Math.Atan2(x, -y) * 180 / Math.PI; // clockwise from 12 o'clock
            bool inSpan = false;
            for (int k = -2; k <= 2 && !inSpan; k++)
            {
                double a = ang + 360 * k;
                if (a >= a0 && a <= a1) inSpan = true;
            }
            if (!inSpan && a1 - a0 < 359.9) return false;
        }
        return true;
    }

    private string SliceText(Slice s, double total)
    {
        // plotly always stacks the parts in this order, whatever order textinfo lists them in.
        var wanted = new HashSet<string>(TextInfo.Split('+').Select(x => x.Trim()));
        var parts = new List<string>();
        if (wanted.Contains("label")) parts.Add(s.Label);
        if (wanted.Contains("text") && !string.IsNullOrEmpty(s.Text)) parts.Add(s.Text);
        if (wanted.Contains("value")) parts.Add(Axes.D3Format.Format(s.Value, ""));
        if (wanted.Contains("percent")) parts.Add(Percent(s.Value / total));
        return string.Join("\n", parts);
    }

    /// <summary>plotly's pie percent: three significant digits, trailing zeros dropped.</summary>
    public static string Percent(double f)
    {
        double v = f * 100;
        if (v == 0) return "0%";
        var s = Axes.D3Format.Format(v, ".3r");
        if (s.Contains('.')) s = s.TrimEnd('0').TrimEnd('.');
        return s + "%";
    }

    private static SKPath SlicePath(float cx, float cy, float r, float inner, double a0, double a1)
    {
        using var path = new SKPathBuilder();
        // Skia angles: degrees clockwise from 3 o'clock.
        float start = (float)(a0 - 90), sweep = (float)(a1 - a0);
        if (sweep >= 359.999f)
        {
            path.AddCircle(cx, cy, r);
            if (inner > 0) { path.AddCircle(cx, cy, inner, SKPathDirection.CounterClockwise); path.FillType = SKPathFillType.EvenOdd; }
            return path.Detach();
        }
        var outer = new SKRect(cx - r, cy - r, cx + r, cy + r);
        if (inner > 0)
        {
            var inn = new SKRect(cx - inner, cy - inner, cx + inner, cy + inner);
            path.ArcTo(outer, start, sweep, true);
            path.ArcTo(inn, start + sweep, -sweep, false);
            path.Close();
        }
        else
        {
            path.MoveTo(cx, cy);
            path.ArcTo(outer, start, sweep, false);
            path.Close();
        }
        return path.Detach();
    }
}
