using SkiaSharp;

namespace Notifications.Charts.Traces;

/// <summary>SkiaSharp 4 builds paths with SKPathBuilder; this draws one without keeping the snapshot around.</summary>
internal static class CanvasExtensions
{
    public static void DrawPath(this SKCanvas canvas, SKPathBuilder builder, SKPaint paint)
    {
        using var path = builder.Snapshot();
        canvas.DrawPath(path, paint);
    }
}
