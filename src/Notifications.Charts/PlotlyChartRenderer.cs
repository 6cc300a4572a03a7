using Notifications.Charts.Layout;
using Notifications.Charts.Parsing;
using Notifications.Charts.Png;
using Notifications.Charts.Rendering;
using Notifications.Charts.Text;
using SkiaSharp;

namespace Notifications.Charts;

/// <summary>
/// Renders a Plotly figure ({"data": [...], "layout": {...}}) to PNG with SkiaSharp, without a browser.
/// Supports scatter, bar, pie and histogram traces. Thread-safe: all per-render state lives in the call.
/// </summary>
public sealed class PlotlyChartRenderer
{
    public PlotlyChartRenderer()
    {
        // Load the bundled font now, so the first render does not pay for it and a broken build fails early.
        _ = Fonts.Regular;
    }

    /// <summary>
    /// Renders <paramref name="figureJson"/> to PNG. Size: the arguments if given, else layout.width x layout.height
    /// unless layout.autosize is true or they are absent (then 700x500); clamped to 10..3000 px.
    /// </summary>
    /// <exception cref="ChartRenderException">The figure is malformed or uses an unsupported trace type.</exception>
    public ChartImage Render(string figureJson, int? width = null, int? height = null)
    {
        using var fig = Figure.Parse(figureJson);
        FigureRenderer.ValidateTypes(fig);
        var (w, h) = FigureSize.Resolve(fig.Layout, width, height);
        // An opaque paper lets the PNG be written without an alpha channel (smaller, faster).
        bool opaque = Colors.Parse(fig.Layout.Str("paper_bgcolor"), SKColors.White).Alpha == 255;
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, opaque ? SKAlphaType.Opaque : SKAlphaType.Premul);
        using var surface = SKSurface.Create(info) ?? throw new ChartRenderException($"could not allocate a {w}x{h} canvas");
        using var text = new TextPainter();
        try
        {
            FigureRenderer.Draw(fig, surface.Canvas, w, h, text);
        }
        catch (ChartRenderException)
        {
            throw;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException
                                       or OverflowException or KeyNotFoundException or NullReferenceException or InvalidCastException)
        {
            throw new ChartRenderException($"figure could not be rendered: {ex.Message}", ex);
        }
        surface.Canvas.Flush();
        using var pixmap = surface.PeekPixels();
        var png = PngWriter.Encode(pixmap);
        return new ChartImage(png, w, h, Titles.Text(fig.Layout) is { } t ? TextPainter.Clean(t) : null);
    }
}
