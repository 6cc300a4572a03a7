using Notifications.Charts.Parsing;

namespace Notifications.Charts.Layout;

/// <summary>
/// The image size rule of plotly's image servers: layout.width x layout.height unless autosize is true
/// or they are absent (then 700x500). Explicit arguments win. Sizes are clamped to sane bounds.
/// </summary>
internal static class FigureSize
{
    public const int DefaultWidth = 700;
    public const int DefaultHeight = 500;
    public const int Min = 10;
    public const int Max = 3000;

    public static (int Width, int Height) Resolve(Props layout, int? width, int? height)
    {
        bool autosize = layout.Bool("autosize") == true;
        double w = width ?? (autosize ? DefaultWidth : layout.Num("width") ?? DefaultWidth);
        double h = height ?? (autosize ? DefaultHeight : layout.Num("height") ?? DefaultHeight);
        return (Clamp(w), Clamp(h));
    }

    private static int Clamp(double v) => double.IsFinite(v) ? (int)Math.Clamp(Math.Round(v), Min, Max) : DefaultWidth;
}
