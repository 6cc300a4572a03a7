using System.Globalization;
using SkiaSharp;

namespace Notifications.Charts.Rendering;

/// <summary>Parses the CSS colour forms plotly accepts: names, #hex, rgb(a)() and hsl(a)().</summary>
internal static class Colors
{
    public static readonly string[] DefaultColorway =
    {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    };

    private static readonly Dictionary<string, uint> Named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["black"] = 0x000000, ["white"] = 0xffffff, ["red"] = 0xff0000, ["green"] = 0x008000, ["blue"] = 0x0000ff,
        ["yellow"] = 0xffff00, ["orange"] = 0xffa500, ["purple"] = 0x800080, ["gray"] = 0x808080, ["grey"] = 0x808080,
        ["lightgray"] = 0xd3d3d3, ["lightgrey"] = 0xd3d3d3, ["darkgray"] = 0xa9a9a9, ["darkgrey"] = 0xa9a9a9,
        ["silver"] = 0xc0c0c0, ["maroon"] = 0x800000, ["navy"] = 0x000080, ["teal"] = 0x008080, ["olive"] = 0x808000,
        ["lime"] = 0x00ff00, ["aqua"] = 0x00ffff, ["cyan"] = 0x00ffff, ["fuchsia"] = 0xff00ff, ["magenta"] = 0xff00ff,
        ["pink"] = 0xffc0cb, ["brown"] = 0xa52a2a, ["gold"] = 0xffd700, ["indigo"] = 0x4b0082, ["violet"] = 0xee82ee,
        ["salmon"] = 0xfa8072, ["coral"] = 0xff7f50, ["tomato"] = 0xff6347, ["crimson"] = 0xdc143c, ["khaki"] = 0xf0e68c,
        ["darkblue"] = 0x00008b, ["darkred"] = 0x8b0000, ["darkgreen"] = 0x006400, ["lightblue"] = 0xadd8e6,
        ["lightgreen"] = 0x90ee90, ["skyblue"] = 0x87ceeb, ["steelblue"] = 0x4682b4, ["royalblue"] = 0x4169e1,
        ["orchid"] = 0xda70d6, ["plum"] = 0xdda0dd, ["tan"] = 0xd2b48c, ["beige"] = 0xf5f5dc, ["ivory"] = 0xfffff0,
        ["lavender"] = 0xe6e6fa, ["turquoise"] = 0x40e0d0, ["chocolate"] = 0xd2691e, ["firebrick"] = 0xb22222,
        ["forestgreen"] = 0x228b22, ["seagreen"] = 0x2e8b57, ["slategray"] = 0x708090, ["slategrey"] = 0x708090,
        ["dimgray"] = 0x696969, ["dimgrey"] = 0x696969, ["darkorange"] = 0xff8c00, ["deepskyblue"] = 0x00bfff,
        ["dodgerblue"] = 0x1e90ff, ["midnightblue"] = 0x191970, ["whitesmoke"] = 0xf5f5f5, ["gainsboro"] = 0xdcdcdc,
        ["lightyellow"] = 0xffffe0, ["lightpink"] = 0xffb6c1, ["hotpink"] = 0xff69b4, ["deeppink"] = 0xff1493,
        ["limegreen"] = 0x32cd32, ["yellowgreen"] = 0x9acd32, ["olivedrab"] = 0x6b8e23, ["darkviolet"] = 0x9400d3,
        ["blueviolet"] = 0x8a2be2, ["mediumpurple"] = 0x9370db, ["cadetblue"] = 0x5f9ea0, ["cornflowerblue"] = 0x6495ed,
        ["darkcyan"] = 0x008b8b, ["lightcoral"] = 0xf08080, ["sienna"] = 0xa0522d, ["peru"] = 0xcd853f,
        ["goldenrod"] = 0xdaa520, ["darkgoldenrod"] = 0xb8860b, ["wheat"] = 0xf5deb3, ["linen"] = 0xfaf0e6,
        ["mintcream"] = 0xf5fffa, ["honeydew"] = 0xf0fff0, ["aliceblue"] = 0xf0f8ff, ["azure"] = 0xf0ffff,
        ["snow"] = 0xfffafa, ["seashell"] = 0xfff5ee, ["mediumseagreen"] = 0x3cb371, ["darkslategray"] = 0x2f4f4f,
        ["darkslategrey"] = 0x2f4f4f, ["lightsteelblue"] = 0xb0c4de, ["powderblue"] = 0xb0e0e6, ["rebeccapurple"] = 0x663399,
        ["darkmagenta"] = 0x8b008b, ["mediumblue"] = 0x0000cd, ["lightseagreen"] = 0x20b2aa, ["palegreen"] = 0x98fb98,
        ["springgreen"] = 0x00ff7f, ["chartreuse"] = 0x7fff00, ["lawngreen"] = 0x7cfc00, ["orangered"] = 0xff4500,
        ["darksalmon"] = 0xe9967a, ["lightsalmon"] = 0xffa07a, ["indianred"] = 0xcd5c5c, ["rosybrown"] = 0xbc8f8f,
        ["moccasin"] = 0xffe4b5, ["peachpuff"] = 0xffdab9, ["mistyrose"] = 0xffe4e1, ["lemonchiffon"] = 0xfffacd,
        ["darkkhaki"] = 0xbdb76b, ["thistle"] = 0xd8bfd8, ["mediumorchid"] = 0xba55d3, ["darkorchid"] = 0x9932cc,
        ["darkturquoise"] = 0x00ced1, ["mediumturquoise"] = 0x48d1cc, ["aquamarine"] = 0x7fffd4, ["lightcyan"] = 0xe0ffff,
        ["paleturquoise"] = 0xafeeee, ["darkseagreen"] = 0x8fbc8f, ["darkolivegreen"] = 0x556b2f, ["saddlebrown"] = 0x8b4513,
        ["burlywood"] = 0xdeb887, ["sandybrown"] = 0xf4a460, ["navajowhite"] = 0xffdead, ["bisque"] = 0xffe4c4,
        ["blanchedalmond"] = 0xffebcd, ["cornsilk"] = 0xfff8dc, ["oldlace"] = 0xfdf5e6, ["floralwhite"] = 0xfffaf0,
        ["ghostwhite"] = 0xf8f8ff, ["lavenderblush"] = 0xfff0f5, ["antiquewhite"] = 0xfaebd7, ["papayawhip"] = 0xffefd5,
        ["palevioletred"] = 0xdb7093, ["mediumvioletred"] = 0xc71585, ["slateblue"] = 0x6a5acd, ["darkslateblue"] = 0x483d8b,
        ["mediumslateblue"] = 0x7b68ee, ["lightslategray"] = 0x778899, ["lightslategrey"] = 0x778899, ["mediumaquamarine"] = 0x66cdaa,
        ["mediumspringgreen"] = 0x00fa9a, ["greenyellow"] = 0xadff2f, ["palegoldenrod"] = 0xeee8aa, ["lightgoldenrodyellow"] = 0xfafad2,
        ["darkgrey2"] = 0xa9a9a9,
    };

    public static SKColor? TryParse(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        if (s.Equals("transparent", StringComparison.OrdinalIgnoreCase)) return SKColors.Transparent;
        if (s[0] == '#') return ParseHex(s.AsSpan(1));
        if (Named.TryGetValue(s, out var rgb)) return new SKColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
        int open = s.IndexOf('('), close = s.LastIndexOf(')');
        if (open > 0 && close > open)
        {
            var fn = s[..open].Trim().ToLowerInvariant();
            var parts = s[(open + 1)..close].Split(',', StringSplitOptions.TrimEntries);
            if (parts.Length < 3) return null;
            double P(int i) => double.TryParse(parts[i].TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0;
            double a = parts.Length > 3 ? Math.Clamp(P(3), 0, 1) : 1;
            if (fn is "rgb" or "rgba")
                return new SKColor(B(P(0)), B(P(1)), B(P(2)), (byte)Math.Round(a * 255));
            if (fn is "hsl" or "hsla")
                return Hsl(P(0), P(1) / 100, P(2) / 100, a);
        }
        return null;
    }

    public static SKColor Parse(string? s, SKColor fallback) => TryParse(s) ?? fallback;

    public static SKColor WithOpacity(SKColor c, double opacity) =>
        c.WithAlpha((byte)Math.Round(c.Alpha * Math.Clamp(opacity, 0, 1)));

    /// <summary>
    /// Whether white text reads better than plotly's dark grey (#444) on this fill, by WCAG contrast ratio:
    /// this is what plotly.js 2+ picks for inside bar and pie labels.
    /// </summary>
    public static bool IsDark(SKColor c)
    {
        double l = Luminance(c);
        double vsWhite = 1.05 / (l + 0.05);
        double vsGrey = (l + 0.05) / (Luminance(new SKColor(0x44, 0x44, 0x44)) + 0.05);
        return vsWhite > vsGrey;
    }

    private static double Luminance(SKColor c)
    {
        static double Lin(byte v)
        {
            double s = v / 255.0;
            return s <= 0.03928 ? s / 12.92 : Math.Pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Lin(c.Red) + 0.7152 * Lin(c.Green) + 0.0722 * Lin(c.Blue);
    }

    private static byte B(double v) => (byte)Math.Clamp(Math.Round(v), 0, 255);

    private static SKColor? ParseHex(ReadOnlySpan<char> h)
    {
        static int X(char c) => c switch { >= '0' and <= '9' => c - '0', >= 'a' and <= 'f' => c - 'a' + 10, >= 'A' and <= 'F' => c - 'A' + 10, _ => -1 };
        Span<int> v = stackalloc int[8];
        for (int i = 0; i < h.Length && i < 8; i++) { v[i] = X(h[i]); if (v[i] < 0) return null; }
        return h.Length switch
        {
            3 => new SKColor((byte)(v[0] * 17), (byte)(v[1] * 17), (byte)(v[2] * 17)),
            4 => new SKColor((byte)(v[0] * 17), (byte)(v[1] * 17), (byte)(v[2] * 17), (byte)(v[3] * 17)),
            6 => new SKColor((byte)(v[0] * 16 + v[1]), (byte)(v[2] * 16 + v[3]), (byte)(v[4] * 16 + v[5])),
            8 => new SKColor((byte)(v[0] * 16 + v[1]), (byte)(v[2] * 16 + v[3]), (byte)(v[4] * 16 + v[5]), (byte)(v[6] * 16 + v[7])),
            _ => null,
        };
    }

    private static SKColor Hsl(double h, double s, double l, double a)
    {
        h = ((h % 360) + 360) % 360 / 360;
        double q = l < 0.5 ? l * (1 + s) : l + s - l * s, p = 2 * l - q;
        double T(double t)
        {
            if (t < 0) t += 1;
            if (t > 1) t -= 1;
            if (t < 1.0 / 6) return p + (q - p) * 6 * t;
            if (t < 0.5) return q;
            if (t < 2.0 / 3) return p + (q - p) * (2.0 / 3 - t) * 6;
            return p;
        }
        return new SKColor(B(T(h + 1.0 / 3) * 255), B(T(h) * 255), B(T(h - 1.0 / 3) * 255), (byte)Math.Round(a * 255));
    }
}
