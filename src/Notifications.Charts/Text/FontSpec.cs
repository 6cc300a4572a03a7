using Notifications.Charts.Parsing;
using Notifications.Charts.Rendering;
using SkiaSharp;

namespace Notifications.Charts.Text;

/// <summary>A resolved font: size in px, colour, weight. The family is always the bundled Open Sans.</summary>
internal readonly record struct FontSpec(float Size, SKColor Color, bool Bold = false)
{
    /// <summary>Reads {size,color,family} from an element's font object, falling back to the given font.</summary>
    public static FontSpec From(Props font, FontSpec fallback, float? sizeOverride = null)
    {
        var size = font.Num("size") is { } s && s > 0 ? (float)Math.Min(s, 200) : sizeOverride ?? fallback.Size;
        var color = Colors.TryParse(font.Str("color")) ?? fallback.Color;
        var family = font.Str("family") ?? "";
        bool bold = fallback.Bold || family.Contains("bold", StringComparison.OrdinalIgnoreCase)
            || (font.Str("weight") is { } w && (w == "bold" || (double.TryParse(w, out var wv) && wv >= 600)));
        return new FontSpec(size, color, bold);
    }
}
