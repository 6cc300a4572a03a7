using Notifications.Charts.Parsing;
using Notifications.Charts.Rendering;
using Notifications.Charts.Text;
using Notifications.Charts.Traces;
using SkiaSharp;

namespace Notifications.Charts.Layout;

/// <summary>
/// plotly's legend: rows of 40 px symbol + text, 19 px apart for a 12 px font, 5 px inner padding;
/// vertical at x=1.02 (left-anchored) beside the plot by default, or horizontal below it.
/// </summary>
internal sealed class Legend
{
    private const float TextGap = 40;
    private const float ItemGap = 5;
    private readonly List<LegendItem> _items;
    private readonly ChartContext _ctx;
    private readonly List<(LegendItem Item, float X, float Y)> _placed = new();

    public Legend(List<LegendItem> items, ChartContext ctx)
    {
        _items = items;
        _ctx = ctx;
        var p = ctx.Layout.Sub("legend");
        P = p;
        Font = FontSpec.From(p.Sub("font"), ctx.Font);
        Horizontal = p.Str("orientation") == "h";
        X = p.Num("x") ?? (Horizontal ? 0 : 1.02);
        XAnchor = p.Str("xanchor") ?? "left";
        if (XAnchor == "auto") XAnchor = X >= 2.0 / 3 ? "right" : X <= 1.0 / 3 ? "left" : "center";
        Y = p.Num("y") ?? (Horizontal ? -0.1 : 1);
        YAnchor = p.Str("yanchor") ?? "auto";
        if (YAnchor == "auto") YAnchor = Y >= 2.0 / 3 ? "top" : Y <= 1.0 / 3 ? "bottom" : "middle";
        if (Horizontal && p.Num("y") is null && p.Str("yanchor") is null) YAnchor = "top";
        BorderWidth = (float)Math.Clamp(p.Num("borderwidth", 0), 0, 20);
        BorderColor = Colors.Parse(p.Str("bordercolor"), new SKColor(0x44, 0x44, 0x44));
        Background = Colors.TryParse(p.Str("bgcolor")) ?? ctx.PaperColor;
        Title = TitleText(p);
        TitleFont = FontSpec.From(p.Sub("title.font"), Font);
    }

    public Props P { get; }

    public FontSpec Font { get; }

    public FontSpec TitleFont { get; }

    public bool Horizontal { get; }

    public double X { get; }

    public double Y { get; }

    public string XAnchor { get; }

    public string YAnchor { get; }

    public float BorderWidth { get; }

    public SKColor BorderColor { get; }

    public SKColor Background { get; }

    public string? Title { get; }

    public float Width { get; private set; }

    public float Height { get; private set; }

    public bool IsEmpty => _items.Count == 0;

    private static string? TitleText(Props p)
    {
        if (p.Get("title") is { ValueKind: System.Text.Json.JsonValueKind.String } t) return t.GetString();
        var s = p.Str("title.text");
        return string.IsNullOrWhiteSpace(s) ? null : s;
    }

    private float RowHeight(string text, FontSpec f) => Math.Max(_ctx.Text.Height(text, f), 16) + 3;

    /// <summary>Lays out rows; <paramref name="maxWidth"/> bounds horizontal legends.</summary>
    public void Measure(float maxWidth)
    {
        _placed.Clear();
        float bw = BorderWidth;
        float titleH = Title is null ? 0 : RowHeight(Title, TitleFont);
        float titleW = Title is null ? 0 : _ctx.Text.Width(Title, TitleFont) + 2 * ItemGap;
        if (!Horizontal)
        {
            float y = bw + ItemGap + titleH;
            float w = 0;
            foreach (var it in _items)
            {
                float h = RowHeight(it.Name, Font);
                _placed.Add((it, bw, y + h / 2));
                y += h;
                w = Math.Max(w, _ctx.Text.Width(it.Name, Font));
            }
            // plotly's legend box: 40 px symbol column, the text, then about 17 px of right padding.
            Width = Math.Max(TextGap + w + 17 + bw * 2, titleW + bw * 2);
            Height = y + ItemGap + bw;
            return;
        }
        // Horizontal: items flow left to right and wrap at maxWidth.
        float x = bw + (Title is null ? 0 : titleW);
        float rowY = bw + ItemGap;
        float rowH = 0, maxX = 0;
        foreach (var it in _items)
        {
            float tw = _ctx.Text.Width(it.Name, Font);
            float iw = TextGap + tw + ItemGap * 2;
            float h = RowHeight(it.Name, Font);
            if (x + iw > maxWidth && x > bw + (Title is null ? 0 : titleW) + 1)
            {
                rowY += rowH;
                x = bw + (Title is null ? 0 : titleW);
                rowH = 0;
            }
            _placed.Add((it, x, rowY + h / 2));
            x += iw;
            rowH = Math.Max(rowH, h);
            maxX = Math.Max(maxX, x);
        }
        Width = maxX + bw;
        Height = rowY + rowH + ItemGap + bw;
    }

    /// <summary>Top-left pixel of the legend box for a plot area.</summary>
    public SKPoint Origin(SKRect plot)
    {
        float ax = plot.Left + (float)(X * plot.Width);
        float ay = plot.Top + (float)((1 - Y) * plot.Height);
        float left = XAnchor switch { "right" => ax - Width, "center" => ax - Width / 2, _ => ax };
        float top = YAnchor switch { "bottom" => ay - Height, "middle" => ay - Height / 2, _ => ay };
        return new SKPoint(left, top);
    }

    public void Draw(SKCanvas canvas, SKRect plot)
    {
        if (_items.Count == 0) return;
        var o = Origin(plot);
        var box = new SKRect(o.X, o.Y, o.X + Width, o.Y + Height);
        using (var bg = new SKPaint { Style = SKPaintStyle.Fill, Color = Background })
            canvas.DrawRect(box, bg);
        if (BorderWidth > 0)
        {
            using var border = new SKPaint { Style = SKPaintStyle.Stroke, Color = BorderColor, StrokeWidth = BorderWidth, IsAntialias = true };
            canvas.DrawRect(box.Left + BorderWidth / 2, box.Top + BorderWidth / 2, box.Width - BorderWidth, box.Height - BorderWidth, border);
        }
        if (Title is not null)
        {
            float th = RowHeight(Title, TitleFont);
            _ctx.Text.Draw(canvas, Title, o.X + BorderWidth + 2, o.Y + BorderWidth + ItemGap + th / 2, TitleFont, HAlign.Left, VAlign.Middle);
        }
        foreach (var (it, x, y) in _placed)
        {
            float sx = o.X + x, sy = o.Y + y;
            DrawSymbol(canvas, it, sx, sy);
            _ctx.Text.Draw(canvas, it.Name, sx + TextGap, sy, Font, HAlign.Left, VAlign.Middle);
        }
    }

    private static void DrawSymbol(SKCanvas canvas, LegendItem it, float x, float y)
    {
        if (it.Filled && it.Symbol != LegendSymbol.Box)
        {
            using var fill = new SKPaint { Style = SKPaintStyle.Fill, Color = it.FillColor, IsAntialias = true };
            canvas.DrawRect(new SKRect(x + 5, y - 4, x + 35, y + 4), fill);
        }
        switch (it.Symbol)
        {
            case LegendSymbol.Box:
                {
                    using var fill = new SKPaint { Style = SKPaintStyle.Fill, Color = it.Color, IsAntialias = true };
                    var r = new SKRect(x + 14, y - 6, x + 26, y + 6);
                    canvas.DrawRect(r, fill);
                    if (it.LineWidth > 0)
                    {
                        using var s = new SKPaint { Style = SKPaintStyle.Stroke, Color = it.LineColor, StrokeWidth = it.LineWidth, IsAntialias = true };
                        canvas.DrawRect(r, s);
                    }
                    return;
                }
            case LegendSymbol.Fill:
            case LegendSymbol.FillLine:
                {
                    using var fill = new SKPaint { Style = SKPaintStyle.Fill, Color = it.FillColor, IsAntialias = true };
                    using var path = new SKPathBuilder();
                    path.MoveTo(x + 5, y - 2); path.LineTo(x + 35, y - 2); path.LineTo(x + 35, y + 6); path.LineTo(x + 5, y + 6); path.Close();
                    canvas.DrawPath(path, fill);
                    if (it.Symbol == LegendSymbol.FillLine) Line(canvas, it, x, y - 2);
                    return;
                }
            case LegendSymbol.Line:
                Line(canvas, it, x, y);
                return;
            case LegendSymbol.LineMarker:
                Line(canvas, it, x, y);
                Marker(canvas, it, x, y);
                return;
            default:
                Marker(canvas, it, x, y);
                return;
        }
    }

    private static void Line(SKCanvas canvas, LegendItem it, float x, float y)
    {
        if (it.LineWidth <= 0) return;
        using var paint = new SKPaint { Style = SKPaintStyle.Stroke, Color = it.LineColor, StrokeWidth = it.LineWidth, IsAntialias = true };
        using var dash = Drawing.Dash(it.Dash, it.LineWidth);
        paint.PathEffect = dash;
        canvas.DrawLine(x + 5, y, x + 35, y, paint);
    }

    private static void Marker(SKCanvas canvas, LegendItem it, float x, float y)
    {
        using var fill = new SKPaint { Style = SKPaintStyle.Fill, Color = it.MarkerColor, IsAntialias = true };
        Drawing.Marker(canvas, it.MarkerSymbol, x + 20, y, it.MarkerSize, fill, null);
    }
}
