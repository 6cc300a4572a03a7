using SkiaSharp;

namespace Notifications.Charts.Traces;

internal enum LegendSymbol { Line, Marker, LineMarker, Box, Fill, FillLine }

/// <summary>What a legend row shows for one trace (or pie label).</summary>
internal sealed record LegendItem(
    string Name,
    LegendSymbol Symbol,
    SKColor Color,
    SKColor LineColor,
    float LineWidth,
    string Dash,
    SKColor MarkerColor,
    float MarkerSize,
    string MarkerSymbol,
    SKColor FillColor,
    string? Group,
    int Order,
    bool Filled = false);
