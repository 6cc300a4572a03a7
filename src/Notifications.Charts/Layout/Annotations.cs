using System.Text.Json;
using Notifications.Charts.Axes;
using Notifications.Charts.Parsing;
using Notifications.Charts.Rendering;
using Notifications.Charts.Text;
using SkiaSharp;

namespace Notifications.Charts.Layout;

/// <summary>layout.annotations basics: text at a paper or data point, with plotly's default arrow (ax -10, ay -30).</summary>
internal static class Annotations
{
    public static void Draw(SKCanvas canvas, Props layout, SKRect plot, Axis xa, Axis ya, bool cartesian, FontSpec font, TextPainter text)
    {
        if (layout.Get("annotations") is not { ValueKind: JsonValueKind.Array } arr) return;
        int count = 0;
        foreach (var el in arr.EnumerateArray())
        {
            if (el.ValueKind != JsonValueKind.Object || ++count > 200) continue;
            var p = new Props(el);
            if (p.Bool("visible", true) == false) continue;
            var label = p.Str("text");
            if (string.IsNullOrEmpty(label)) continue;
            bool xPaper = (p.Str("xref") ?? "x").StartsWith("paper", StringComparison.Ordinal) || !cartesian;
            bool yPaper = (p.Str("yref") ?? "y").StartsWith("paper", StringComparison.Ordinal) || !cartesian;
            double xv = xPaper ? plot.Left + (p.Num("x") ?? 0.5) * plot.Width : xa.ToPx(xa.ScalarToValue(p.Get("x")));
            double yv = yPaper ? plot.Bottom - (p.Num("y") ?? 0.5) * plot.Height : ya.ToPx(ya.ScalarToValue(p.Get("y")));
            if (!double.IsFinite(xv) || !double.IsFinite(yv)) continue;
            float x = (float)Math.Clamp(xv, -1e5, 1e5), y = (float)Math.Clamp(yv, -1e5, 1e5);
            var f = FontSpec.From(p.Sub("font"), font);
            float w = text.Width(label, f), h = text.Height(label, f);
            bool arrow = p.Bool("showarrow", true);
            float cx, cy;
            if (arrow)
            {
                float ax = (float)p.Num("ax", -10), ay = (float)p.Num("ay", -30);
                cx = x + ax;
                cy = y + ay;
                var color = Colors.Parse(p.Str("arrowcolor"), new SKColor(0x44, 0x44, 0x44));
                float aw = (float)Math.Clamp(p.Num("arrowwidth", 1), 0.1, 20);
                using var pen = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = aw, Color = color };
                // From the edge of the text box to the point, with a small head.
                float dx = x - cx, dy = y - cy, len = MathF.Sqrt(dx * dx + dy * dy);
                if (len > 1)
                {
                    float ux = dx / len, uy = dy / len;
                    float tEdge = Math.Min(Math.Abs(ux) > 1e-3 ? (w / 2 + 2) / Math.Abs(ux) : float.MaxValue, Math.Abs(uy) > 1e-3 ? (h / 2 + 2) / Math.Abs(uy) : float.MaxValue);
                    if (tEdge < len)
                    {
                        canvas.DrawLine(cx + ux * tEdge, cy + uy * tEdge, x, y, pen);
                        using var head = new SKPathBuilder();
                        float hs = 3 + aw * 2;
                        head.MoveTo(x, y);
                        head.LineTo(x - ux * hs - uy * hs * 0.6f, y - uy * hs + ux * hs * 0.6f);
                        head.LineTo(x - ux * hs + uy * hs * 0.6f, y - uy * hs - ux * hs * 0.6f);
                        head.Close();
                        using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = color };
                        using var headPath = head.Snapshot();
                        canvas.DrawPath(headPath, fill);
                    }
                }
            }
            else
            {
                var xanchor = p.Str("xanchor") ?? "auto";
                var yanchor = p.Str("yanchor") ?? "auto";
                cx = xanchor switch { "left" => x + w / 2, "right" => x - w / 2, _ => x };
                cy = yanchor switch { "top" => y + h / 2, "bottom" => y - h / 2, _ => y };
            }
            if (Colors.TryParse(p.Str("bgcolor")) is { Alpha: > 0 } bg)
            {
                using var bgPaint = new SKPaint { Style = SKPaintStyle.Fill, Color = bg };
                canvas.DrawRect(cx - w / 2 - 1, cy - h / 2 - 1, w + 2, h + 2, bgPaint);
            }
            var align = p.Str("align") switch { "left" => HAlign.Left, "right" => HAlign.Right, _ => HAlign.Center };
            float tx = align switch { HAlign.Left => cx - w / 2, HAlign.Right => cx + w / 2, _ => cx };
            text.Draw(canvas, label, tx, cy, f, align, VAlign.Middle);
        }
    }
}
