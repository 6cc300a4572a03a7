using Notifications.Charts.Axes;
using Notifications.Charts.Parsing;
using Notifications.Charts.Rendering;
using Notifications.Charts.Text;
using SkiaSharp;

namespace Notifications.Charts.Traces;

/// <summary>A bar trace (also the drawn form of a histogram): vertical or horizontal, with text and outlines.</summary>
internal sealed class BarTrace
{
    public BarTrace(TraceInput input, ChartContext ctx)
    {
        Input = input;
        var p = input.P;
        IsHistogram = input.Type == "histogram";
        Name = p.Str("name") ?? $"trace {input.Index}";
        Color = Colors.TryParse(p.Str("marker.color")) ?? ctx.TraceColor(input.Index);
        MarkerColors = p.Get("marker.color") is { ValueKind: System.Text.Json.JsonValueKind.Array } mc ? DataArray.From(mc, "marker.color") : null;
        LineColor = Colors.TryParse(p.Str("marker.line.color")) ?? new SKColor(0x44, 0x44, 0x44);
        LineWidth = (float)Math.Clamp(p.Num("marker.line.width", 0), 0, 50);
        Opacity = Math.Clamp(p.Num("opacity", 1), 0, 1) * Math.Clamp(p.Num("marker.opacity", 1), 0, 1);
        ShowLegend = p.Bool("showlegend", true);
        Visible = p.Str("visible") is not ("false" or "legendonly");
        LegendGroup = p.Str("legendgroup");
        OffsetGroup = p.Str("offsetgroup");
        Text = DataArray.From(p.Get("text") is { ValueKind: System.Text.Json.JsonValueKind.Array } ? p.Get("text") : null, "text");
        ScalarText = p.Get("text") is { ValueKind: System.Text.Json.JsonValueKind.String } ? p.Str("text") : null;
        TextPosition = p.Str("textposition") ?? "none";
        TextTemplate = p.Str("texttemplate");
        bool hasText = p.Has("text") || TextTemplate is not null;
        // Outside labels get room in the autorange, as plotly pads bars by their text.
        OutsideTextPad = hasText && TextPosition == "outside"
            ? (float)(FontSpec.From(p.Sub("outsidetextfont").With(p.Sub("textfont")), ctx.Font).Size * TextPainter.LineHeight + 3)
            : 0;
        var xs = p.Get("x");
        var ys = p.Get("y");
        string? orient = p.Str("orientation");
        if (IsHistogram)
            Horizontal = orient == "h" || (xs is null && ys is not null);
        else
            Horizontal = orient == "h";
    }

    public TraceInput Input { get; }

    public bool IsHistogram { get; }

    public string Name { get; }

    public SKColor Color { get; }

    public DataArray? MarkerColors { get; }

    public SKColor LineColor { get; }

    public float LineWidth { get; }

    public double Opacity { get; }

    public bool ShowLegend { get; }

    public bool Visible { get; }

    public string? LegendGroup { get; }

    public string? OffsetGroup { get; }

    public DataArray Text { get; }

    public string? ScalarText { get; }

    public string TextPosition { get; }

    public string? TextTemplate { get; }

    public bool Horizontal { get; }

    /// <summary>Pixels of autorange padding beyond the bar ends for outside text.</summary>
    public float OutsideTextPad { get; }

    /// <summary>Bar positions along the category/position axis (axis units).</summary>
    public double[] Pos { get; set; } = Array.Empty<double>();

    /// <summary>Raw bar lengths (before stacking).</summary>
    public double[] Size { get; set; } = Array.Empty<double>();

    /// <summary>Explicit per-bar base, NaN where unset.</summary>
    public double[]? BaseIn { get; set; }

    public double[]? WidthIn { get; set; }

    public double[]? OffsetIn { get; set; }

    /// <summary>Histogram bin width in position units (bars fill the bin).</summary>
    public double? BinWidth { get; set; }

    // Results of the bar layout
    public double[] Center { get; set; } = Array.Empty<double>();

    public double[] Width { get; set; } = Array.Empty<double>();

    public double[] Base { get; set; } = Array.Empty<double>();

    public double[] Top { get; set; } = Array.Empty<double>();

    /// <summary>Reads x/y (non-histogram) into positions and sizes on the given axes.</summary>
    public void Convert(Axis posAxis, Axis sizeAxis)
    {
        var p = Input.P;
        var posCol = DataArray.From(p.Get(Horizontal ? "y" : "x"), Horizontal ? "y" : "x");
        var sizeCol = DataArray.From(p.Get(Horizontal ? "x" : "y"), Horizontal ? "x" : "y");
        int n = posCol.Length == 0 ? sizeCol.Length : Math.Min(posCol.Length, sizeCol.Length);
        double p0 = p.Num(Horizontal ? "y0" : "x0", 0), dp = p.Num(Horizontal ? "dy" : "dx", 1);
        Pos = new double[n];
        Size = new double[n];
        for (int i = 0; i < n; i++)
        {
            Pos[i] = posCol.Length == 0 ? p0 + dp * i : posAxis.ToValue(posCol, i);
            Size[i] = sizeAxis.Type == AxisType.Linear ? sizeCol.Numbers[i] : sizeAxis.ToValue(sizeCol, i);
        }
        BaseIn = PerPoint(p.Get("base"), n, sizeAxis);
        WidthIn = PerPoint(p.Get("width"), n, null);
        OffsetIn = PerPoint(p.Get("offset"), n, null);
    }

    private static double[]? PerPoint(System.Text.Json.JsonElement? el, int n, Axis? axis)
    {
        if (el is not { } e) return null;
        var result = new double[n];
        if (e.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            var col = DataArray.From(e, "base");
            for (int i = 0; i < n; i++) result[i] = i < col.Length ? (axis is null ? col.Numbers[i] : axis.ToValue(col, i)) : double.NaN;
        }
        else
        {
            double v = axis is null ? JsonValues.ToDouble(e) ?? double.NaN : axis.ScalarToValue(e);
            Array.Fill(result, v);
        }
        return result;
    }

    public void Draw(SKCanvas canvas, Axis xa, Axis ya)
    {
        if (!Visible) return;
        Axis pa = Horizontal ? ya : xa, sa = Horizontal ? xa : ya;
        using var fill = new SKPaint { IsAntialias = false, Style = SKPaintStyle.Fill };
        using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = LineWidth, Color = Colors.WithOpacity(LineColor, Opacity) };
        var baseColor = Colors.WithOpacity(Color, Opacity);
        float plotL = (float)xa.Pos - 2, plotR = (float)(xa.Pos + xa.Len) + 2, plotT = (float)ya.Pos - 2, plotB = (float)(ya.Pos + ya.Len) + 2;
        for (int i = 0; i < Center.Length; i++)
        {
            if (double.IsNaN(Center[i]) || double.IsNaN(Top[i]) || double.IsNaN(Base[i])) continue;
            var r = Rect(pa, sa, i);
            if (r.Right < plotL || r.Left > plotR || r.Bottom < plotT || r.Top > plotB) continue;
            r = SKRect.Intersect(r, new SKRect(plotL, plotT, plotR, plotB));
            if (r.IsEmpty && r.Width <= 0 && r.Height <= 0) continue;
            fill.Color = MarkerColors is not null && Colors.TryParse(MarkerColors.TextAt(i)) is { } c ? Colors.WithOpacity(c, Opacity) : baseColor;
            canvas.DrawRect(r, fill);
            if (LineWidth > 0 && r.Width > 0.5 && r.Height > 0.5) canvas.DrawRect(r, stroke);
        }
    }

    /// <summary>Pixel rectangle of bar i, snapped to whole pixels on the position edges as plotly does.</summary>
    public SKRect Rect(Axis pa, Axis sa, int i)
    {
        double p0 = pa.ToPx(Center[i] - Width[i] / 2), p1 = pa.ToPx(Center[i] + Width[i] / 2);
        double s0 = sa.ToPx(Base[i]), s1 = sa.ToPx(Top[i]);
        s0 = Math.Clamp(s0, -1e5, 1e5);
        s1 = Math.Clamp(s1, -1e5, 1e5);
        float a0 = (float)Math.Round(Math.Min(p0, p1)), a1 = (float)Math.Round(Math.Max(p0, p1));
        float b0 = (float)Math.Round(Math.Min(s0, s1)), b1 = (float)Math.Round(Math.Max(s0, s1));
        return Horizontal ? new SKRect(b0, a0, b1, a1) : new SKRect(a0, b0, a1, b1);
    }

    public void DrawText(SKCanvas canvas, Axis xa, Axis ya, ChartContext ctx, bool stacked)
    {
        if (!Visible || TextPosition == "none") return;
        if (Text.Length == 0 && ScalarText is null && TextTemplate is null) return;
        Axis pa = Horizontal ? ya : xa, sa = Horizontal ? xa : ya;
        var p = Input.P;
        var tf = FontSpec.From(p.Sub("textfont"), ctx.Font);
        var inside = FontSpec.From(p.Sub("insidetextfont"), tf);
        var outside = FontSpec.From(p.Sub("outsidetextfont"), tf);
        bool insideColorSet = p.Sub("insidetextfont").Str("color") is not null || p.Sub("textfont").Str("color") is not null;
        for (int i = 0; i < Center.Length; i++)
        {
            if (double.IsNaN(Center[i]) || double.IsNaN(Top[i])) continue;
            string? text = TextTemplate is not null ? Template(TextTemplate, i) : Text.Length > 0 ? Text.TextAt(i) : ScalarText;
            if (string.IsNullOrEmpty(text)) continue;
            var r = Rect(pa, sa, i);
            float tw = ctx.Text.Width(text, inside), th = inside.Size;
            bool fitsInside = Horizontal ? tw + 6 <= r.Width && th + 4 <= r.Height : tw + 4 <= r.Width && th + 6 <= r.Height;
            string where = TextPosition;
            if (where == "auto") where = fitsInside ? "inside" : stacked ? "none" : "outside";
            if (where == "none") continue;
            bool positive = Top[i] >= Base[i];
            if (where == "outside")
            {
                if (Horizontal)
                {
                    float x = positive ? r.Right + 3 : r.Left - 3;
                    ctx.Text.Draw(canvas, text, x, r.MidY, outside, positive ? HAlign.Left : HAlign.Right, VAlign.Middle);
                }
                else
                {
                    float y = positive ? r.Top - 3 : r.Bottom + 3;
                    ctx.Text.Draw(canvas, text, r.MidX, y, outside, HAlign.Center, positive ? VAlign.Bottom : VAlign.Top);
                }
                continue;
            }
            var font = inside;
            if (!insideColorSet)
            {
                var bg = MarkerColors is not null && Colors.TryParse(MarkerColors.TextAt(i)) is { } c ? c : Color;
                font = font with { Color = Colors.IsDark(bg) ? SKColors.White : new SKColor(0x44, 0x44, 0x44) };
            }
            if (!fitsInside)
            {
                // Shrink text that does not fit, like plotly's scaled inside labels.
                float scale = Math.Min(Horizontal ? (r.Width - 6) / Math.Max(tw, 1) : (r.Width - 4) / Math.Max(tw, 1), 1);
                if (scale < 0.3f) continue;
                font = font with { Size = font.Size * scale };
            }
            if (Input.P.Str("insidetextanchor") == "middle")
            {
                ctx.Text.Draw(canvas, text, r.MidX, r.MidY, font, HAlign.Center, VAlign.Middle);
            }
            else if (Horizontal)
            {
                float x = positive ? r.Right - 3 : r.Left + 3;
                ctx.Text.Draw(canvas, text, x, r.MidY, font, positive ? HAlign.Right : HAlign.Left, VAlign.Middle);
            }
            else
            {
                float y = positive ? r.Top + 3 : r.Bottom - 3;
                ctx.Text.Draw(canvas, text, r.MidX, y, font, HAlign.Center, positive ? VAlign.Top : VAlign.Bottom);
            }
        }
    }

    private string Template(string template, int i)
    {
        var size = Size.Length > i ? Size[i] : double.NaN;
        var s = template;
        string val = double.IsNaN(size) ? "" : D3Format.Format(size, "");
        s = s.Replace(Horizontal ? "%{x}" : "%{y}", val).Replace("%{value}", val);
        s = s.Replace("%{text}", Text.TextAt(i) ?? "");
        int open = s.IndexOf("%{", StringComparison.Ordinal);
        while (open >= 0)
        {
            int close = s.IndexOf('}', open);
            if (close < 0) break;
            var inner = s.Substring(open + 2, close - open - 2);
            int colon = inner.IndexOf(':');
            string rep = "";
            if (colon > 0 && inner[..colon] == (Horizontal ? "x" : "y") && !double.IsNaN(size)) rep = D3Format.Format(size, inner[(colon + 1)..]);
            s = s[..open] + rep + s[(close + 1)..];
            open = s.IndexOf("%{", StringComparison.Ordinal);
        }
        return s;
    }

    public LegendItem Legend(int order) =>
        new(Name, LegendSymbol.Box, Colors.WithOpacity(Color, Opacity), LineColor, Math.Min(LineWidth, 2), "solid", Color, 0, "square", Color, LegendGroup, order);
}
