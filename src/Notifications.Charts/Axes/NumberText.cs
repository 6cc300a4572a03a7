using System.Globalization;
using System.Text;

namespace Notifications.Charts.Axes;

/// <summary>Number formatting the way plotly labels ticks: rounding to the tick step, SI suffixes, U+2212 minus.</summary>
internal static class NumberText
{
    public const char Minus = '\u2212';

    /// <summary>Shortest round-trip text, used for category names made from numbers.</summary>
    public static string Plain(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// plotly's default tick label: <paramref name="decimals"/> digits after the point (trailing zeros dropped),
    /// divided by 10^exponent with an SI suffix when exponent is non-zero.
    /// </summary>
    public static string Tick(double v, int decimals, int exponent, bool separateThousands, string exponentFormat = "B")
    {
        bool neg = v < 0;
        v = Math.Abs(v);
        string suffix = "";
        // Zero is always plain "0", never "0k".
        if (v < Math.Pow(10, -Math.Min(decimals, 15)) / 2) exponent = 0;
        if (exponent != 0)
        {
            v /= Math.Pow(10, exponent);
            decimals += exponent;
            suffix = exponentFormat switch
            {
                "none" => "",
                "e" => "e" + (exponent > 0 ? "+" : "") + exponent,
                "E" => "E" + (exponent > 0 ? "+" : "") + exponent,
                "power" => "×10^" + exponent,
                _ => Si(exponent, exponentFormat == "B"),
            };
            if (exponentFormat == "none") { v *= Math.Pow(10, exponent); decimals -= exponent; }
        }
        decimals = Math.Clamp(decimals, 0, 15);
        var s = Math.Round(v, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals, CultureInfo.InvariantCulture);
        if (s.Contains('.')) s = s.TrimEnd('0').TrimEnd('.');
        if (s == "0") neg = false;
        if (separateThousands || IntegerDigits(s) > 4) s = GroupThousands(s);
        return (neg ? Minus.ToString() : "") + s + suffix;
    }

    private static int IntegerDigits(string s)
    {
        int dot = s.IndexOf('.');
        return dot < 0 ? s.Length : dot;
    }

    public static string GroupThousands(string s)
    {
        int dot = s.IndexOf('.');
        var intPart = dot < 0 ? s : s[..dot];
        var rest = dot < 0 ? "" : s[dot..];
        if (intPart.Length <= 3) return s;
        var sb = new StringBuilder();
        int first = intPart.Length % 3;
        if (first > 0) sb.Append(intPart, 0, first);
        for (int i = first; i < intPart.Length; i += 3)
        {
            if (sb.Length > 0) sb.Append(',');
            sb.Append(intPart, i, 3);
        }
        return sb + rest;
    }

    private static string Si(int exponent, bool billions) => exponent switch
    {
        -15 => "f", -12 => "p", -9 => "n", -6 => "µ", -3 => "m",
        3 => "k", 6 => "M", 9 => billions ? "B" : "G", 12 => "T", 15 => "P", 18 => "E",
        _ => "e" + exponent,
    };
}
