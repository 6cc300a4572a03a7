using Notifications.Charts.Parsing;
using Notifications.Charts.Text;
using SkiaSharp;

namespace Notifications.Charts.Traces;

/// <summary>Per-render state shared by traces: layout, default colours and fonts, text painter.</summary>
internal sealed class ChartContext
{
    public ChartContext(Props layout, TextPainter text, string[] colorway, FontSpec font)
    {
        Layout = layout;
        Text = text;
        Colorway = colorway;
        Font = font;
    }

    public Props Layout { get; }

    public TextPainter Text { get; }

    public string[] Colorway { get; }

    public FontSpec Font { get; }

    public SKColor PaperColor { get; set; } = SKColors.White;

    public SKColor PlotColor { get; set; } = SKColors.White;

    public SKColor TraceColor(int index) =>
        Rendering.Colors.Parse(Colorway[((index % Colorway.Length) + Colorway.Length) % Colorway.Length], SKColors.SteelBlue);
}
