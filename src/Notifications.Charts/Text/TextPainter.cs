using SkiaSharp;

namespace Notifications.Charts.Text;

internal enum HAlign { Left, Center, Right }

internal enum VAlign { Top, Middle, Baseline, Bottom }

/// <summary>
/// Measures and draws single- and multi-line text with the bundled font.
/// One instance per render: SKFont and SKPaint are not thread-safe.
/// </summary>
internal sealed class TextPainter : IDisposable
{
    // Open Sans cap height is about 0.71 em; plotly centres text with a 0.35 em baseline shift.
    public const float LineHeight = 1.3f;
    private readonly Dictionary<(float, bool), SKFont> _fonts = new();
    private readonly SKPaint _paint = new() { IsAntialias = true, Style = SKPaintStyle.Fill };

    public SKFont Font(FontSpec spec)
    {
        var key = (spec.Size, spec.Bold);
        if (!_fonts.TryGetValue(key, out var f))
        {
            f = new SKFont(spec.Bold ? Fonts.Bold : Fonts.Regular, spec.Size)
            {
                Subpixel = true,
                Edging = SKFontEdging.Antialias,
                // Slight hinting is closest to how Chromium rasterises plotly's SVG text (checked with the SSIM scores).
                Hinting = SKFontHinting.Slight,
            };
            _fonts[key] = f;
        }
        return f;
    }

    public static string[] Lines(string text) =>
        text.Replace("<br>", "\n", StringComparison.OrdinalIgnoreCase)
            .Replace("<br/>", "\n", StringComparison.OrdinalIgnoreCase)
            .Replace("<br />", "\n", StringComparison.OrdinalIgnoreCase)
            .Split('\n');

    /// <summary>Strips the simple HTML tags plotly allows in labels (b, i, sup, sub, span).</summary>
    public static string Clean(string text)
    {
        if (text.IndexOf('<') < 0 && text.IndexOf('&') < 0) return text;
        var sb = new System.Text.StringBuilder(text.Length);
        int i = 0;
        while (i < text.Length)
        {
            if (text[i] == '<')
            {
                int close = text.IndexOf('>', i);
                if (close > i)
                {
                    var tag = text.Substring(i + 1, close - i - 1).Trim().ToLowerInvariant();
                    if (tag.StartsWith("br")) sb.Append('\n');
                    i = close + 1;
                    continue;
                }
            }
            sb.Append(text[i]);
            i++;
        }
        return sb.ToString().Replace("&amp;", "&").Replace("&lt;", "<").Replace("&gt;", ">").Replace("&nbsp;", " ");
    }

    public float Width(string text, FontSpec spec)
    {
        var font = Font(spec);
        float w = 0;
        foreach (var line in Clean(text).Split('\n'))
            w = Math.Max(w, font.MeasureText(line));
        return w;
    }

    public int LineCount(string text) => Clean(text).Split('\n').Length;

    public float Height(string text, FontSpec spec) => LineCount(text) * spec.Size * LineHeight;

    /// <summary>
    /// Draws text anchored at (x, y). VAlign.Middle puts the first line's visual middle at y (plotly's 0.35em shift);
    /// Top puts the cap top at y; Bottom puts the last line's baseline at y.
    /// </summary>
    public void Draw(SKCanvas canvas, string text, float x, float y, FontSpec spec, HAlign h, VAlign v, float rotateDeg = 0)
    {
        var lines = Clean(text).Split('\n');
        var font = Font(spec);
        _paint.Color = spec.Color;
        float lh = spec.Size * LineHeight;
        float total = (lines.Length - 1) * lh;
        float baseline0 = v switch
        {
            VAlign.Top => y + spec.Size * 0.76f,
            VAlign.Middle => y + spec.Size * 0.35f - total / 2,
            VAlign.Bottom => y - total - spec.Size * 0.24f,
            _ => y,
        };
        if (rotateDeg != 0)
        {
            canvas.Save();
            canvas.RotateDegrees(rotateDeg, x, y);
        }
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0) continue;
            float w = font.MeasureText(line);
            float lx = h switch { HAlign.Center => x - w / 2, HAlign.Right => x - w, _ => x };
            canvas.DrawText(line, lx, baseline0 + i * lh, SKTextAlign.Left, font, _paint);
        }
        if (rotateDeg != 0) canvas.Restore();
    }

    public void Dispose()
    {
        foreach (var f in _fonts.Values) f.Dispose();
        _paint.Dispose();
    }
}
