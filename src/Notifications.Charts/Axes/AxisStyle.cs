using Notifications.Charts.Layout;
using Notifications.Charts.Rendering;
using Notifications.Charts.Text;
using SkiaSharp;

namespace Notifications.Charts.Axes;

/// <summary>An axis' visual attributes with plotly's defaults.</summary>
internal sealed class AxisStyle
{
    public AxisStyle(Axis ax, FontSpec globalFont, bool barPositionAxis = false)
    {
        var p = ax.P;
        Visible = p.Bool("visible", true);
        // plotly draws no gridlines along the position axis of bars and histograms unless asked.
        ShowGrid = p.Bool("showgrid", !barPositionAxis);
        GridColor = Colors.Parse(p.Str("gridcolor"), new SKColor(0xee, 0xee, 0xee));
        GridWidth = (float)Math.Clamp(p.Num("gridwidth", 1), 0, 20);
        ShowZero = p.Bool("zeroline", ax.Type == AxisType.Linear) && ax.Type == AxisType.Linear;
        ZeroColor = Colors.Parse(p.Str("zerolinecolor"), new SKColor(0x44, 0x44, 0x44));
        ZeroWidth = (float)Math.Clamp(p.Num("zerolinewidth", 1), 0, 20);
        // plotly turns the axis line on when a line colour or width is given (template values count).
        ShowLine = p.Bool("showline", p.Has("linecolor") || p.Has("linewidth"));
        LineColor = Colors.Parse(p.Str("linecolor"), new SKColor(0x44, 0x44, 0x44));
        LineWidth = (float)Math.Clamp(p.Num("linewidth", 1), 0, 20);
        Mirror = p.Str("mirror") is "true" or "ticks" or "all" or "allticks";
        Ticks = p.Str("ticks") ?? "";
        TickLen = (float)Math.Clamp(p.Num("ticklen", 5), 0, 100);
        TickWidth = (float)Math.Clamp(p.Num("tickwidth", 1), 0, 20);
        TickColor = Colors.Parse(p.Str("tickcolor"), new SKColor(0x44, 0x44, 0x44));
        ShowTickLabels = p.Bool("showticklabels", true);
        TickFont = FontSpec.From(p.Sub("tickfont"), globalFont);
        Title = Titles.Text(p);
        TitleFont = Titles.Font(p, globalFont with { Size = MathF.Round(globalFont.Size * 1.2f) });
        Standoff = p.Num("title.standoff");
        AutoMargin = p.Bool("automargin", false);
        TickAngle = p.Num("tickangle");
        Side = p.Str("side") ?? (ax.IsX ? "bottom" : "left");
    }

    public bool Visible { get; }

    public bool ShowGrid { get; }

    public SKColor GridColor { get; }

    public float GridWidth { get; }

    public bool ShowZero { get; }

    public SKColor ZeroColor { get; }

    public float ZeroWidth { get; }

    public bool ShowLine { get; }

    public SKColor LineColor { get; }

    public float LineWidth { get; }

    public bool Mirror { get; }

    public string Ticks { get; }

    public float TickLen { get; }

    public float TickWidth { get; }

    public SKColor TickColor { get; }

    public bool ShowTickLabels { get; }

    public FontSpec TickFont { get; }

    public string? Title { get; }

    public FontSpec TitleFont { get; }

    public double? Standoff { get; }

    public bool AutoMargin { get; }

    public double? TickAngle { get; }

    public string Side { get; }

    /// <summary>
    /// plotly's label standoff: the outside tick length, plus a fifth of the font size when ticks or an axis line
    /// are drawn. x labels put their baseline one font size beyond it; y labels end 3 px before it.
    /// </summary>
    public float Standoff0 => Pad + (Ticks == "outside" ? TickLen : 0) + (ShowTickLabels && Ticks == "outside" ? 0.2f * TickFont.Size : 0);

    /// <summary>layout.margin.pad: extra space between the plot area and the tick labels.</summary>
    public float Pad { get; set; }

    /// <summary>Distance from the axis line to the near edge of the tick labels.</summary>
    public float LabelOffset => Standoff0 + 3;
}
