using System.Text.Json;
using Notifications.Charts.Axes;
using Notifications.Charts.Parsing;
using Notifications.Charts.Rendering;
using Notifications.Charts.Traces;
using SkiaSharp;

namespace Notifications.Charts.Layout;

/// <summary>layout.shapes basics: rect, line and circle, in paper or data coordinates, below or above traces.</summary>
internal static class Shapes
{
    public static void Draw(SKCanvas canvas, Props layout, SKRect plot, Axis xa, Axis ya, bool above, bool cartesian)
    {
        if (layout.Get("shapes") is not { ValueKind: JsonValueKind.Array } arr) return;
        int count = 0;
        foreach (var el in arr.EnumerateArray())
        {
            if (el.ValueKind != JsonValueKind.Object || ++count > 200) continue;
            var p = new Props(el);
            if (p.Bool("visible", true) == false) continue;
            bool isAbove = (p.Str("layer") ?? "above") != "below";
            if (isAbove != above) continue;
            var type = p.Str("type") ?? "rect";
            bool xPaper = (p.Str("xref") ?? "x").StartsWith("paper", StringComparison.Ordinal) || !cartesian;
            bool yPaper = (p.Str("yref") ?? "y").StartsWith("paper", StringComparison.Ordinal) || !cartesian;
            float X(string key)
            {
                if (xPaper) return plot.Left + (float)((p.Num(key) ?? 0) * plot.Width);
                return (float)Math.Clamp(xa.ToPx(xa.ScalarToValue(p.Get(key))), -1e5, 1e5);
            }
            float Y(string key)
            {
                if (yPaper) return plot.Bottom - (float)((p.Num(key) ?? 0) * plot.Height);
                return (float)Math.Clamp(ya.ToPx(ya.ScalarToValue(p.Get(key))), -1e5, 1e5);
            }
            float x0 = X("x0"), x1 = X("x1"), y0 = Y("y0"), y1 = Y("y1");
            if (!float.IsFinite(x0) || !float.IsFinite(x1) || !float.IsFinite(y0) || !float.IsFinite(y1)) continue;
            double opacity = Math.Clamp(p.Num("opacity", 1), 0, 1);
            var fillColor = Colors.TryParse(p.Str("fillcolor")) ?? SKColors.Transparent;
            float lw = (float)Math.Clamp(p.Num("line.width", 2), 0, 50);
            var lc = Colors.TryParse(p.Str("line.color")) ?? new SKColor(0x44, 0x44, 0x44);
            var rect = new SKRect(Math.Min(x0, x1), Math.Min(y0, y1), Math.Max(x0, x1), Math.Max(y0, y1));
            using var fill = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Fill, Color = Colors.WithOpacity(fillColor, opacity) };
            using var stroke = new SKPaint { IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = lw, Color = Colors.WithOpacity(lc, opacity) };
            using var dash = Drawing.Dash(p.Str("line.dash"), lw);
            stroke.PathEffect = dash;
            switch (type)
            {
                case "line":
                    if (lw > 0) canvas.DrawLine(x0, y0, x1, y1, stroke);
                    break;
                case "circle":
                    if (fill.Color.Alpha > 0) canvas.DrawOval(rect, fill);
                    if (lw > 0) canvas.DrawOval(rect, stroke);
                    break;
                default:
                    if (fill.Color.Alpha > 0) canvas.DrawRect(rect, fill);
                    if (lw > 0) canvas.DrawRect(rect, stroke);
                    break;
            }
        }
    }
}
