using Notifications.Charts.Axes;
using Notifications.Charts.Layout;
using Notifications.Charts.Parsing;
using Notifications.Charts.Text;
using Notifications.Charts.Traces;
using SkiaSharp;

namespace Notifications.Charts.Rendering;

/// <summary>Turns a parsed figure into pixels: traces, axes, margins, legend and title, in plotly's order.</summary>
internal sealed class FigureRenderer
{
    private static readonly HashSet<string> Supported = new() { "scatter", "bar", "pie", "histogram" };

    public static void ValidateTypes(Figure fig)
    {
        foreach (var t in fig.Traces)
            if (!Supported.Contains(t.Type))
                throw new ChartRenderException($"unsupported trace type '{t.Type}' (data[{t.Index}]); supported: scatter, bar, pie, histogram");
    }

    public static void Draw(Figure fig, SKCanvas canvas, int width, int height, TextPainter text)
    {
        var layout = fig.Layout;
        var font = FontSpec.From(layout.Sub("font"), new FontSpec(12, new SKColor(0x44, 0x44, 0x44)));
        var colorway = ReadColorway(layout);
        var ctx = new ChartContext(layout, text, colorway, font)
        {
            PaperColor = Colors.Parse(layout.Str("paper_bgcolor"), SKColors.White),
            PlotColor = Colors.Parse(layout.Str("plot_bgcolor"), SKColors.White),
        };
        canvas.Clear(ctx.PaperColor);

        var scatters = new List<ScatterTrace>();
        var bars = new List<BarTrace>();
        var pies = new List<PieTrace>();
        var labelColors = new Dictionary<string, SKColor>();
        var pieColorIndex = new PieTrace.Counter();
        foreach (var t in fig.Traces)
        {
            switch (t.Type)
            {
                case "scatter": scatters.Add(new ScatterTrace(t, ctx)); break;
                case "bar":
                case "histogram": bars.Add(new BarTrace(t, ctx)); break;
                case "pie": pies.Add(new PieTrace(t, ctx, labelColors, pieColorIndex)); break;
            }
        }
        bool cartesian = scatters.Count > 0 || bars.Count > 0 || pies.Count == 0;

        var xa = new Axis('x', layout.Sub("xaxis"));
        var ya = new Axis('y', layout.Sub("yaxis"));
        if (cartesian) PrepareCartesian(layout, xa, ya, scatters, bars);

        // Legend
        var items = LegendItems(layout, scatters, bars, pies);
        var legend = items.Count > 0 ? new Legend(items, ctx) : null;

        var margins = new Margins(layout);
        var xs = new AxisStyle(xa, font, bars.Any(b => !b.Horizontal));
        var ys = new AxisStyle(ya, font, bars.Any(b => b.Horizontal));
        xs.Pad = ys.Pad = (float)margins.Pad;

        // Two passes: ranges depend on the plot size, automargin depends on the tick labels.
        SKRect plot = default;
        float xAngle = 0, yAngle = 0, xExtent = 0, yExtent = 0;
        double extraL = 0, extraB = 0, extraR = 0, extraT = 0;
        for (int pass = 0; pass < 2; pass++)
        {
            var m = new Margins(layout) { L = margins.L + extraL, B = margins.B + extraB, R = margins.R + extraR, T = margins.T + extraT };
            if (legend is not null)
            {
                legend.Measure(width * 0.9f);
                PushLegend(m, legend, width, height);
            }
            var (l, r, t, b) = m.Resolve(width, height);
            plot = new SKRect((float)Math.Round(l), (float)Math.Round(t), (float)Math.Round(width - r), (float)Math.Round(height - b));
            if (plot.Width < 1) plot.Right = plot.Left + 1;
            if (plot.Height < 1) plot.Bottom = plot.Top + 1;
            if (!cartesian) break;
            SetRange(xa, plot.Left, plot.Width);
            SetRange(ya, plot.Top, plot.Height);
            xa.Ticks = TickGenerator.Generate(xa, xs.TickFont.Size);
            ya.Ticks = TickGenerator.Generate(ya, ys.TickFont.Size);
            xAngle = AxisPainter.LabelAngle(xa, xs, text);
            yAngle = AxisPainter.LabelAngle(ya, ys, text);
            xExtent = AxisPainter.LabelExtent(xa, xs, text, xAngle);
            yExtent = AxisPainter.LabelExtent(ya, ys, text, yAngle);
            if (pass == 1) break;
            bool again = false;
            if (xs.AutoMargin)
            {
                // Room for the labels, then the title's centre line plus about one font size below it (as plotly pushes).
                double need = (xs.Title is null ? xExtent : AxisPainter.TitleCenterOffset(xs, xExtent, xs.TitleFont.Size, true) + xs.TitleFont.Size) + 3;
                if (need > plot.Top * 0 + (height - plot.Bottom)) { extraB = need - (height - plot.Bottom); again = true; }
                // Rotated or wide end labels may stick out sideways.
            }
            if (ys.AutoMargin)
            {
                double need = (ys.Title is null ? yExtent : AxisPainter.TitleCenterOffset(ys, yExtent, ys.TitleFont.Size, false) + ys.TitleFont.Size * 0.65) + 2;
                if (need > plot.Left) { extraL = need - plot.Left; again = true; }
            }
            if (!again) break;
        }

        if (cartesian && (scatters.Count > 0 || bars.Count > 0))
        {
            using (var bg = new SKPaint { Color = ctx.PlotColor, Style = SKPaintStyle.Fill })
                canvas.DrawRect(plot, bg);
            AxisPainter.Grid(canvas, xa, xs, plot);
            AxisPainter.Grid(canvas, ya, ys, plot);
            AxisPainter.ZeroLine(canvas, xa, xs, plot);
            AxisPainter.ZeroLine(canvas, ya, ys, plot);
            Shapes.Draw(canvas, layout, plot, xa, ya, above: false, cartesian: true);

            canvas.Save();
            canvas.ClipRect(new SKRect(plot.Left - 0.5f, plot.Top - 0.5f, plot.Right + 0.5f, plot.Bottom + 0.5f));
            foreach (var b in bars) b.Draw(canvas, xa, ya);
            foreach (var s in scatters) s.DrawFill(canvas, xa, ya);
            foreach (var s in scatters) s.DrawLinesAndMarkers(canvas, xa, ya);
            canvas.Restore();
            bool stacked = (layout.Str("barmode") ?? "group") is "stack" or "relative";
            foreach (var b in bars) b.DrawText(canvas, xa, ya, ctx, stacked);

            AxisPainter.Lines(canvas, xa, xs, plot);
            AxisPainter.Lines(canvas, ya, ys, plot);
            AxisPainter.Labels(canvas, xa, xs, plot, text, xAngle);
            AxisPainter.Labels(canvas, ya, ys, plot, text, yAngle);
            AxisPainter.Title(canvas, xa, xs, plot, text, xExtent);
            AxisPainter.Title(canvas, ya, ys, plot, text, yExtent);
        }
        else if (cartesian && pies.Count == 0)
        {
            // An empty figure still shows plotly's empty axes.
            using var bg = new SKPaint { Color = ctx.PlotColor, Style = SKPaintStyle.Fill };
            canvas.DrawRect(plot, bg);
            AxisPainter.Grid(canvas, xa, xs, plot);
            AxisPainter.Grid(canvas, ya, ys, plot);
            AxisPainter.Labels(canvas, xa, xs, plot, text, 0);
            AxisPainter.Labels(canvas, ya, ys, plot, text, 0);
        }

        bool hasCartesian = cartesian && (scatters.Count > 0 || bars.Count > 0);
        if (!hasCartesian) Shapes.Draw(canvas, layout, plot, xa, ya, above: false, cartesian: false);
        foreach (var p in pies) p.Draw(canvas, plot, ctx);
        Shapes.Draw(canvas, layout, plot, xa, ya, above: true, cartesian: hasCartesian);
        Annotations.Draw(canvas, layout, plot, xa, ya, hasCartesian, font, text);
        legend?.Draw(canvas, plot);
        DrawTitle(canvas, layout, width, height, plot, font, text);
    }

    private static string[] ReadColorway(Props layout)
    {
        if (layout.Get("colorway") is { ValueKind: System.Text.Json.JsonValueKind.Array } arr && arr.GetArrayLength() > 0)
        {
            var list = arr.EnumerateArray().Select(e => e.ValueKind == System.Text.Json.JsonValueKind.String ? e.GetString() : null)
                .Where(s => Colors.TryParse(s) is not null).Select(s => s!).ToArray();
            if (list.Length > 0) return list;
        }
        return Colors.DefaultColorway;
    }

    private static void PrepareCartesian(Props layout, Axis xa, Axis ya, List<ScatterTrace> scatters, List<BarTrace> bars)
    {
        bool strict = layout.Str("xaxis.autotypenumbers") == "strict";
        xa.Type = ResolveType(xa, scatters.Select(s => s.X).Concat(bars.Select(b => DataArray.From(b.Input.P.Get(b.Horizontal ? "x" : "x"), "x"))),
            layout.Str("xaxis.autotypenumbers") == "strict", bars.Any(b => b.Horizontal && !b.IsHistogram), bars.Any(b => b.Horizontal && b.IsHistogram));
        ya.Type = ResolveType(ya, scatters.Select(s => s.Y).Concat(bars.Select(b => DataArray.From(b.Input.P.Get("y"), "y"))),
            layout.Str("yaxis.autotypenumbers") == "strict", bars.Any(b => !b.Horizontal && !b.IsHistogram), bars.Any(b => !b.Horizontal && b.IsHistogram));
        _ = strict;
        SeedCategories(xa, scatters.Select(s => (s.X, s.Y)).Concat(bars.Where(b => !b.Horizontal && !b.IsHistogram).Select(b => (DataArray.From(b.Input.P.Get("x"), "x"), DataArray.From(b.Input.P.Get("y"), "y")))));
        SeedCategories(ya, scatters.Select(s => (s.Y, s.X)).Concat(bars.Where(b => b.Horizontal && !b.IsHistogram).Select(b => (DataArray.From(b.Input.P.Get("y"), "y"), DataArray.From(b.Input.P.Get("x"), "x")))));

        // Data in axis units; categories are registered in trace order.
        foreach (var b in bars)
        {
            var (pa, sa) = b.Horizontal ? (ya, xa) : (xa, ya);
            if (b.IsHistogram)
            {
                if (pa.Type == AxisType.Category)
                {
                    var col = DataArray.From(b.Input.P.Get(b.Horizontal ? "y" : "x"), "x");
                    for (int i = 0; i < col.Length; i++) pa.ToValue(col, i);
                }
            }
            else b.Convert(pa, sa);
        }
        Histogram.BinAll(bars.Where(b => b.IsHistogram && !b.Horizontal).ToList(), xa);
        Histogram.BinAll(bars.Where(b => b.IsHistogram && b.Horizontal).ToList(), ya);
        foreach (var s in scatters) s.Convert(xa, ya);

        // Stack groups: each trace adds onto the previous one in its group.
        var lastInGroup = new Dictionary<string, ScatterTrace>();
        foreach (var s in scatters)
        {
            if (s.StackGroup is null) continue;
            if (lastInGroup.TryGetValue(s.StackGroup, out var below)) { s.StackOn(below); s.FillTarget = below; }
            else if (s.Fill == "tonexty") s.Fill = "tozeroy";
            lastInGroup[s.StackGroup] = s;
        }
        // tonexty fills to the previous scatter trace (plotly's rule), the first one to zero.
        ScatterTrace? prev = null;
        foreach (var s in scatters)
        {
            if (s.StackGroup is null && s.Fill is "tonexty" or "tonextx") s.FillTarget = prev;
            bool first = s.FillTarget is null;
            s.Expand(xa, ya, first);
            prev = s;
        }

        var vbars = bars.Where(b => !b.Horizontal).ToList();
        var hbars = bars.Where(b => b.Horizontal).ToList();
        BarLayout.Apply(vbars, layout, xa, ya);
        BarLayout.Apply(hbars, layout, ya, xa);

        foreach (var ax in new[] { xa, ya })
        {
            if (ax.P.Str("rangemode") is "tozero" or "nonnegative") ax.Extremes.AddPoint(0, 0, false);
        }
    }

    /// <summary>
    /// Registers categories up front when layout asks for an order: categoryarray, alphabetical
    /// ("category ascending/descending") or by summed value ("total ascending/descending").
    /// Otherwise categories appear in trace order as data is read.
    /// </summary>
    private static void SeedCategories(Axis ax, IEnumerable<(DataArray Cats, DataArray Values)> columns)
    {
        if (ax.Type != AxisType.Category) return;
        var order = ax.P.Str("categoryorder");
        if ((order is null or "array") && ax.P.Get("categoryarray") is { ValueKind: System.Text.Json.JsonValueKind.Array } arr)
        {
            var col = DataArray.From(arr, "categoryarray");
            for (int i = 0; i < col.Length; i++) if (col.TextAt(i) is { } t) ax.CategoryOf(t);
            return;
        }
        if (order is not ("category ascending" or "category descending" or "total ascending" or "total descending")) return;
        var totals = new Dictionary<string, double>(StringComparer.Ordinal);
        var first = new List<string>();
        foreach (var (cats, values) in columns)
        {
            for (int i = 0; i < cats.Length; i++)
            {
                if (cats.TextAt(i) is not { } t) continue;
                if (!totals.ContainsKey(t)) { totals[t] = 0; first.Add(t); }
                if (i < values.Length && double.IsFinite(values.Numbers[i])) totals[t] += values.Numbers[i];
            }
        }
        IEnumerable<string> sorted = order switch
        {
            "category ascending" => first.OrderBy(c => c, StringComparer.Ordinal),
            "category descending" => first.OrderByDescending(c => c, StringComparer.Ordinal),
            "total ascending" => first.OrderBy(c => totals[c]),
            _ => first.OrderByDescending(c => totals[c]),
        };
        foreach (var c in sorted) ax.CategoryOf(c);
    }

    private static AxisType ResolveType(Axis ax, IEnumerable<DataArray> cols, bool strict, bool barPositions, bool histPositions)
    {
        switch (ax.P.Str("type"))
        {
            case "linear":
            case "log": return AxisType.Linear;
            case "category": return AxisType.Category;
            case "date": return AxisType.Date;
        }
        return AxisTypeDetector.Detect(cols, strict);
    }

    private static void SetRange(Axis ax, float pos, float len)
    {
        ax.Pos = pos;
        ax.Len = len;
        double lo, hi;
        var range = ax.P.Get("range");
        bool explicitRange = ax.P.Bool("autorange") != true && range is { ValueKind: System.Text.Json.JsonValueKind.Array } r && r.GetArrayLength() == 2
            && double.IsFinite(ax.ScalarToValue(r[0])) && double.IsFinite(ax.ScalarToValue(r[1]));
        if (explicitRange)
        {
            lo = ax.ScalarToValue(range!.Value[0]);
            hi = ax.ScalarToValue(range.Value[1]);
            if (lo == hi) hi = lo + 1;
        }
        else
        {
            if (ax.Extremes.IsEmpty)
            {
                (lo, hi) = ax.Type == AxisType.Date ? (Dates.FromDate(new DateTime(2000, 1, 1)), Dates.FromDate(new DateTime(2001, 1, 1))) : (-1, 6);
                if (ax.Type == AxisType.Linear && !ax.IsX) (lo, hi) = (-1, 4);
            }
            else (lo, hi) = ax.Extremes.Compute(len);
            if (ax.P.Str("rangemode") == "nonnegative") { lo = Math.Max(lo, 0); hi = Math.Max(hi, 1e-9); }
            if (ax.P.Str("autorange") == "reversed") (lo, hi) = (hi, lo);
        }
        ax.R0 = lo;
        ax.R1 = hi;
    }

    private static void PushLegend(Margins m, Legend legend, int width, int height)
    {
        // The legend pushes the margin on the side it hangs over (plotly's autoMargin for the legend).
        if (legend.X > 1 || (legend.X >= 1 && legend.XAnchor == "left")) m.PushRight(legend.X, legend.XAnchor == "left" ? legend.Width : legend.XAnchor == "center" ? legend.Width / 2 : 0);
        else if (legend.X < 0) m.PushLeft(legend.X, legend.XAnchor == "right" ? legend.Width : 0);
        if (legend.Y < 0 && legend.YAnchor == "top") m.PushBottom(-legend.Y, legend.Height);
        else if (legend.Y > 1 && legend.YAnchor == "bottom") m.PushTop(legend.Y - 1, legend.Height);
        _ = width;
        _ = height;
    }

    private static List<LegendItem> LegendItems(Props layout, List<ScatterTrace> scatters, List<BarTrace> bars, List<PieTrace> pies)
    {
        var items = new List<(LegendItem Item, int Index)>();
        foreach (var s in scatters) if (s.ShowLegend && s.Input.P.Str("visible") != "false") items.Add((s.Legend(s.Input.Index), s.Input.Index));
        foreach (var b in bars) if (b.ShowLegend && b.Input.P.Str("visible") != "false") items.Add((b.Legend(b.Input.Index), b.Input.Index));
        int count = items.Count;
        var pieItems = new List<LegendItem>();
        var seen = new HashSet<string>();
        foreach (var p in pies)
            if (p.ShowLegend)
                foreach (var it in p.LegendItems(p.Input.Index * 10000))
                    if (seen.Add(it.Name)) pieItems.Add(it);

        bool show = layout.Bool("showlegend") ?? (count >= 2 || pies.Count > 0);
        if (!show) return new List<LegendItem>();
        var ordered = items.OrderBy(i => i.Index).Select(i => i.Item).ToList();
        var traceorder = layout.Str("legend.traceorder");
        // plotly reverses the legend for stacks (stacked bars, tonext fills) so it reads like the chart.
        bool stackedBars = traceorder is null && ((bars.Count > 0 && layout.Str("barmode") == "stack")
            || scatters.Any(s => s.Fill is "tonexty" or "tonextx"));
        if ((traceorder?.Contains("reversed") ?? false) || stackedBars) ordered.Reverse();
        ordered.AddRange(pieItems);
        return ordered;
    }

    private static void DrawTitle(SKCanvas canvas, Props layout, int width, int height, SKRect plot, FontSpec font, TextPainter text)
    {
        var title = Titles.Text(layout);
        if (title is null) return;
        var tf = Titles.Font(layout, font with { Size = MathF.Round(font.Size * 1.4f) });
        double x = layout.Num("title.x") ?? 0.5;
        var xref = layout.Str("title.xref") ?? "container";
        var xanchor = layout.Str("title.xanchor") ?? "auto";
        if (xanchor == "auto") xanchor = x < 1.0 / 3 ? "left" : x > 2.0 / 3 ? "right" : "center";
        float px = xref == "paper" ? plot.Left + (float)(x * plot.Width) : (float)(x * width);
        float py;
        var yv = layout.Num("title.y");
        if (yv is { } y) py = (float)((1 - y) * height);
        else py = plot.Top / 2;
        var h = xanchor switch { "left" => HAlign.Left, "right" => HAlign.Right, _ => HAlign.Center };
        var yanchor = layout.Str("title.yanchor") ?? "auto";
        // Auto placement puts the title's baseline in the middle of the top margin, as plotly does.
        var v = yv is null ? VAlign.Baseline : yanchor is "auto" or "middle" ? VAlign.Middle : yanchor == "top" ? VAlign.Top : VAlign.Bottom;
        text.Draw(canvas, title, px, py, tf, h, v);
    }
}
