using SkiaSharp;

namespace Notifications.Charts.Traces;

/// <summary>Shared drawing helpers: dash patterns and marker symbols as plotly draws them.</summary>
internal static class Drawing
{
    /// <summary>plotly's dash styles, scaled by max(line width, 3) like Drawing.dashStyle.</summary>
    public static SKPathEffect? Dash(string? dash, float width)
    {
        if (string.IsNullOrEmpty(dash) || dash == "solid") return null;
        float d = Math.Max(width, 3);
        float[]? pattern = dash switch
        {
            "dot" => new[] { d, d },
            "dash" => new[] { 3 * d, 3 * d },
            "longdash" => new[] { 5 * d, 5 * d },
            "dashdot" => new[] { 3 * d, d, d, d },
            "longdashdot" => new[] { 5 * d, 2 * d, d, 2 * d },
            _ => ParseList(dash, width),
        };
        return pattern is { Length: >= 2 } ? SKPathEffect.CreateDash(pattern, 0) : null;
    }

    private static float[]? ParseList(string dash, float width)
    {
        var parts = dash.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries);
        var list = new List<float>();
        foreach (var p in parts)
        {
            var t = p.Trim();
            bool pct = t.EndsWith('%');
            t = t.TrimEnd('%').Replace("px", "");
            if (!float.TryParse(t, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) || v < 0) return null;
            list.Add(pct ? v / 100 * width : v);
        }
        if (list.Count % 2 == 1) list.AddRange(list.ToArray());
        return list.Count >= 2 && list.Sum() > 0 ? list.ToArray() : null;
    }

    /// <summary>Draws one marker of diameter <paramref name="size"/> centred at (x, y).</summary>
    public static void Marker(SKCanvas canvas, string symbol, float x, float y, float size, SKPaint fill, SKPaint? stroke)
    {
        float r = size / 2;
        var sym = symbol;
        if (sym is "circle" or "0")
        {
            // The common case skips path building: it dominates dense scatter plots.
            canvas.DrawCircle(x, y, r, fill);
            if (stroke is not null && stroke.StrokeWidth > 0) canvas.DrawCircle(x, y, r, stroke);
            return;
        }
        bool open = sym.EndsWith("-open", StringComparison.Ordinal);
        if (open) sym = sym[..^5];
        using var path = new SKPathBuilder();
        switch (sym)
        {
            case "square":
            case "1":
                path.AddRect(new SKRect(x - r, y - r, x + r, y + r));
                break;
            case "diamond":
            case "2":
                {
                    float rd = r * 1.3f;
                    path.MoveTo(x + rd, y); path.LineTo(x, y + rd); path.LineTo(x - rd, y); path.LineTo(x, y - rd); path.Close();
                    break;
                }
            case "cross":
            case "3":
                {
                    float rc = r * 1.2f, rt = r * 0.4f;
                    path.MoveTo(x + rc, y + rt); path.LineTo(x + rt, y + rt); path.LineTo(x + rt, y + rc); path.LineTo(x - rt, y + rc);
                    path.LineTo(x - rt, y + rt); path.LineTo(x - rc, y + rt); path.LineTo(x - rc, y - rt); path.LineTo(x - rt, y - rt);
                    path.LineTo(x - rt, y - rc); path.LineTo(x + rt, y - rc); path.LineTo(x + rt, y - rt); path.LineTo(x + rc, y - rt); path.Close();
                    break;
                }
            case "x":
            case "4":
                {
                    float rx = r * 0.8f * 1.414f, rh = r * 0.4f;
                    canvas.Save();
                    canvas.RotateDegrees(45, x, y);
                    path.MoveTo(x + rx, y + rh); path.LineTo(x + rh, y + rh); path.LineTo(x + rh, y + rx); path.LineTo(x - rh, y + rx);
                    path.LineTo(x - rh, y + rh); path.LineTo(x - rx, y + rh); path.LineTo(x - rx, y - rh); path.LineTo(x - rh, y - rh);
                    path.LineTo(x - rh, y - rx); path.LineTo(x + rh, y - rx); path.LineTo(x + rh, y - rh); path.LineTo(x + rx, y - rh); path.Close();
                    Paint(canvas, path, fill, stroke, open);
                    canvas.Restore();
                    return;
                }
            case "triangle-up":
            case "5":
                {
                    float rt = r * 2 / 1.732f, r2 = r / 2, rs = r * 1.732f / 2 * 1.15f;
                    path.MoveTo(x - rs, y + r2 * 1.15f); path.LineTo(x + rs, y + r2 * 1.15f); path.LineTo(x, y - rt * 1.15f * 0.87f); path.Close();
                    break;
                }
            case "triangle-down":
            case "6":
                {
                    float rt = r * 2 / 1.732f, r2 = r / 2, rs = r * 1.732f / 2 * 1.15f;
                    path.MoveTo(x - rs, y - r2 * 1.15f); path.LineTo(x + rs, y - r2 * 1.15f); path.LineTo(x, y + rt * 1.15f * 0.87f); path.Close();
                    break;
                }
            default:
                path.AddCircle(x, y, r);
                break;
        }
        Paint(canvas, path, fill, stroke, open);
    }

    private static void Paint(SKCanvas canvas, SKPathBuilder path, SKPaint fill, SKPaint? stroke, bool open)
    {
        if (open)
        {
            using var s = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, Color = fill.Color, StrokeWidth = Math.Max(1, stroke?.StrokeWidth ?? 1) };
            canvas.DrawPath(path, s);
            return;
        }
        canvas.DrawPath(path, fill);
        if (stroke is not null && stroke.StrokeWidth > 0) canvas.DrawPath(path, stroke);
    }
}
