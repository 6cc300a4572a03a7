using Notifications.Charts.Text;
using SkiaSharp;

namespace Notifications.Charts.Axes;

/// <summary>Draws gridlines, zero lines, axis lines, ticks, tick labels and axis titles.</summary>
internal static class AxisPainter
{
    public static void Grid(SKCanvas canvas, Axis ax, AxisStyle st, SKRect plot)
    {
        if (!st.Visible) return;
        using var paint = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = false };
        if (st.ShowGrid && st.GridWidth > 0)
        {
            paint.Color = st.GridColor;
            paint.StrokeWidth = st.GridWidth;
            foreach (var v in ax.Ticks.Values)
            {
                float p = Crisp(ax.ToPx(v), st.GridWidth);
                // plotly leaves out gridlines that sit on the plot edge when a line is drawn there
                if (ax.IsX) canvas.DrawLine(p, plot.Top, p, plot.Bottom, paint);
                else canvas.DrawLine(plot.Left, p, plot.Right, p, paint);
            }
        }
    }

    public static void ZeroLine(SKCanvas canvas, Axis ax, AxisStyle st, SKRect plot)
    {
        if (!st.Visible || !st.ShowZero || st.ZeroWidth <= 0) return;
        double lo = Math.Min(ax.R0, ax.R1), hi = Math.Max(ax.R0, ax.R1);
        if (!(0 >= lo && 0 <= hi)) return;
        using var paint = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = false, Color = st.ZeroColor, StrokeWidth = st.ZeroWidth };
        float p = Crisp(ax.ToPx(0), st.ZeroWidth);
        if (ax.IsX) canvas.DrawLine(p, plot.Top, p, plot.Bottom, paint);
        else canvas.DrawLine(plot.Left, p, plot.Right, p, paint);
    }

    // Align 1-px lines to pixel centres so they stay sharp, like SVG's crisp edges.
    private static float Crisp(double p, float width) =>
        ((int)Math.Round(width) % 2 == 1) ? (float)(Math.Floor(p) + 0.5) : (float)Math.Round(p);

    public static void Lines(SKCanvas canvas, Axis ax, AxisStyle st, SKRect plot)
    {
        if (!st.Visible) return;
        using var paint = new SKPaint { Style = SKPaintStyle.Stroke, IsAntialias = false };
        if (st.ShowLine && st.LineWidth > 0)
        {
            paint.Color = st.LineColor;
            paint.StrokeWidth = st.LineWidth;
            float half = st.LineWidth / 2;
            if (ax.IsX)
            {
                float y = plot.Bottom + half;
                canvas.DrawLine(plot.Left - st.LineWidth, y, plot.Right + st.LineWidth, y, paint);
                if (st.Mirror) canvas.DrawLine(plot.Left - st.LineWidth, plot.Top - half, plot.Right + st.LineWidth, plot.Top - half, paint);
            }
            else
            {
                float x = plot.Left - half;
                canvas.DrawLine(x, plot.Top - st.LineWidth, x, plot.Bottom + st.LineWidth, paint);
                if (st.Mirror) canvas.DrawLine(plot.Right + half, plot.Top - st.LineWidth, plot.Right + half, plot.Bottom + st.LineWidth, paint);
            }
        }
        if (st.Ticks is "outside" or "inside" && st.TickLen > 0 && st.TickWidth > 0)
        {
            paint.Color = st.TickColor;
            paint.StrokeWidth = st.TickWidth;
            float dir = st.Ticks == "outside" ? 1 : -1;
            float lineOff = st.ShowLine ? st.LineWidth : 0;
            foreach (var v in ax.Ticks.Values)
            {
                float p = Crisp(ax.ToPx(v), st.TickWidth);
                if (ax.IsX) canvas.DrawLine(p, plot.Bottom + lineOff, p, plot.Bottom + lineOff + dir * st.TickLen, paint);
                else canvas.DrawLine(plot.Left - lineOff, p, plot.Left - lineOff - dir * st.TickLen, p, paint);
            }
        }
    }

    /// <summary>The tick label angle: explicit tickangle, or 30 degrees when horizontal x labels would collide.</summary>
    public static float LabelAngle(Axis ax, AxisStyle st, TextPainter text)
    {
        if (st.TickAngle is { } a) return (float)a;
        if (!ax.IsX || ax.Ticks.Values.Length < 2) return 0;
        float maxW = 0;
        foreach (var l in ax.Ticks.Labels) maxW = Math.Max(maxW, text.Width(l, st.TickFont));
        double spacing = Math.Abs(ax.ToPx(ax.Ticks.Values[1]) - ax.ToPx(ax.Ticks.Values[0]));
        return maxW + 3 > spacing ? 30 : 0;
    }

    /// <summary>Extent of the tick labels beyond the axis line (px), used for automargin and title placement.</summary>
    public static float LabelExtent(Axis ax, AxisStyle st, TextPainter text, float angle)
    {
        if (!st.Visible || !st.ShowTickLabels || ax.Ticks.Labels.Length == 0) return 0;
        float maxW = 0, maxH = 0;
        foreach (var l in ax.Ticks.Labels)
        {
            maxW = Math.Max(maxW, text.Width(l, st.TickFont));
            maxH = Math.Max(maxH, text.LineCount(l) * st.TickFont.Size * TextPainter.LineHeight);
        }
        double rad = angle * Math.PI / 180;
        float cos = (float)Math.Abs(Math.Cos(rad)), sin = (float)Math.Abs(Math.Sin(rad));
        float lineH = st.TickFont.Size;
        float extent = ax.IsX ? maxW * sin + (maxH - lineH * 0.3f) * cos : maxW * cos + maxH * sin;
        return st.LabelOffset + extent;
    }

    public static void Labels(SKCanvas canvas, Axis ax, AxisStyle st, SKRect plot, TextPainter text, float angle)
    {
        if (!st.Visible || !st.ShowTickLabels) return;
        var vals = ax.Ticks.Values;
        var labels = ax.Ticks.Labels;
        float off = st.LabelOffset + (st.ShowLine ? st.LineWidth : 0);
        for (int i = 0; i < vals.Length; i++)
        {
            float p = (float)ax.ToPx(vals[i]);
            if (ax.IsX)
            {
                float y = plot.Bottom + off;
                if (angle == 0) text.Draw(canvas, labels[i], p, plot.Bottom + st.Standoff0 + (st.ShowLine ? st.LineWidth : 0) + st.TickFont.Size, st.TickFont, HAlign.Center, VAlign.Baseline);
                else
                {
                    // Rotated labels hang from the tick: start-anchored for clockwise angles.
                    float a = angle;
                    var h = a > 0 ? HAlign.Left : HAlign.Right;
                    if (Math.Abs(a) >= 89) h = a > 0 ? HAlign.Left : HAlign.Right;
                    float yy = y + st.TickFont.Size * 0.35f;
                    text.Draw(canvas, labels[i], p, yy, st.TickFont, h, VAlign.Middle, a);
                }
            }
            else
            {
                float x = plot.Left - off;
                if (angle == 0) text.Draw(canvas, labels[i], x, p, st.TickFont, HAlign.Right, VAlign.Middle);
                else text.Draw(canvas, labels[i], x, p, st.TickFont, HAlign.Right, VAlign.Middle, angle);
            }
        }
    }

    public static void Title(SKCanvas canvas, Axis ax, AxisStyle st, SKRect plot, TextPainter text, float labelExtent)
    {
        if (!st.Visible || st.Title is null) return;
        float fs = st.TitleFont.Size;
        if (ax.IsX)
        {
            float y = TitleCenterOffset(st, labelExtent, fs, true);
            text.Draw(canvas, st.Title, plot.MidX, plot.Bottom + y, st.TitleFont, HAlign.Center, VAlign.Middle);
        }
        else
        {
            float x = plot.Left - TitleCenterOffset(st, labelExtent, fs, false);
            text.Draw(canvas, st.Title, x, plot.MidY, st.TitleFont, HAlign.Center, VAlign.Middle, -90);
        }
    }

    /// <summary>Distance from the plot edge to the title's centre line: past the tick labels by the standoff.</summary>
    public static float TitleCenterOffset(AxisStyle st, float labelExtent, float fs, bool isX)
    {
        if (st.Standoff is { } s)
        {
            // plotly 2+: the title sits "standoff" px beyond the tick labels.
            return labelExtent + (float)s + fs * 0.5f;
        }
        // Classic placement: a fixed distance from the axis, pushed out when it would touch the labels.
        float classic = 10 + fs * (isX ? 2.5f : 1.5f) + (st.Ticks == "outside" ? st.TickLen : 0);
        float byLabels = labelExtent + 10 + fs * 0.65f;
        return Math.Max(byLabels, classic);
    }
}
