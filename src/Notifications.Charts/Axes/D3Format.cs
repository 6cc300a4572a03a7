using System.Globalization;

namespace Notifications.Charts.Axes;

/// <summary>
/// The basics of d3-format, which plotly uses for tickformat and texttemplate numbers:
/// [sign][$][0][width][,][.precision][~][type] with types f d % s e g r and none.
/// </summary>
internal static class D3Format
{
    public static string Format(double v, string spec)
    {
        int i = 0;
        string sign = "-";
        if (i < spec.Length && spec[i] is '+' or '-' or ' ' or '(') sign = spec[i++].ToString();
        bool currency = false;
        if (i < spec.Length && spec[i] is '$' or '#') { currency = spec[i] == '$'; i++; }
        if (i < spec.Length && spec[i] == '0') i++;
        while (i < spec.Length && char.IsDigit(spec[i])) i++;
        bool comma = false;
        if (i < spec.Length && spec[i] == ',') { comma = true; i++; }
        int? precision = null;
        if (i < spec.Length && spec[i] == '.')
        {
            i++;
            int start = i;
            while (i < spec.Length && char.IsDigit(spec[i])) i++;
            if (i > start) precision = int.Parse(spec[start..i], CultureInfo.InvariantCulture);
        }
        bool trim = false;
        if (i < spec.Length && spec[i] == '~') { trim = true; i++; }
        char type = i < spec.Length ? spec[i] : '\0';

        bool neg = v < 0;
        double a = Math.Abs(v);
        string body;
        string suffix = "";
        switch (type)
        {
            case 'f':
                body = Fixed(a, Math.Clamp(precision ?? 6, 0, 15));
                break;
            case 'd':
                body = Fixed(a, 0);
                break;
            case '%':
                body = Fixed(a * 100, Math.Clamp(precision ?? 6, 0, 15));
                suffix = "%";
                break;
            case 'p':
                body = Significant(a * 100, precision ?? 6);
                suffix = "%";
                break;
            case 'e':
                body = a.ToString((precision is { } pe ? "0." + new string('0', pe) : "0.######") + "e+0", CultureInfo.InvariantCulture);
                break;
            case 's':
                {
                    int p = Math.Clamp(precision ?? 6, 1, 21);
                    int exp = a == 0 ? 0 : (int)Math.Floor(Math.Log10(a));
                    int k = Math.Clamp((int)Math.Floor(exp / 3.0) * 3, -24, 24);
                    double scaled = a / Math.Pow(10, k);
                    body = Significant(scaled, p);
                    if (double.Parse(body, CultureInfo.InvariantCulture) >= 1000 && k < 24)
                    {
                        k += 3;
                        body = Significant(a / Math.Pow(10, k), p);
                    }
                    suffix = SiPrefix(k);
                    break;
                }
            case 'g':
            case 'r':
                body = Significant(a, precision ?? 6);
                break;
            default:
                // No type: like 'g' but trims insignificant zeros (d3's "~g").
                body = precision is { } pg ? Significant(a, pg) : Shortest(a);
                trim = true;
                break;
        }
        if (trim && body.Contains('.') && !body.Contains('e')) body = body.TrimEnd('0').TrimEnd('.');
        if (comma) body = NumberText.GroupThousands(body);
        if (currency) body = "$" + body;
        bool isZero = double.TryParse(body.TrimStart('$').Replace(",", ""), NumberStyles.Float, CultureInfo.InvariantCulture, out var back) && back == 0;
        if (isZero) neg = false;
        string prefix = neg ? (sign == "(" ? "(" : NumberText.Minus.ToString()) : sign == "+" ? "+" : sign == " " ? " " : "";
        return prefix + body + suffix + (neg && sign == "(" ? ")" : "");
    }

    // JavaScript's toFixed rounds halves away from zero; .NET's "F" format does not.
    private static string Fixed(double a, int decimals) =>
        Math.Round(a, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals, CultureInfo.InvariantCulture);

    private static string Shortest(double a)
    {
        var s = a.ToString("G12", CultureInfo.InvariantCulture);
        return s.Contains('E') ? a.ToString("0.###########", CultureInfo.InvariantCulture) : s;
    }

    private static string Significant(double a, int p)
    {
        p = Math.Clamp(p, 1, 17);
        if (a == 0) return p > 1 ? "0." + new string('0', p - 1) : "0";
        int mag = (int)Math.Floor(Math.Log10(a));
        int decimals = Math.Max(0, p - 1 - mag);
        double rounded = Math.Round(a / Math.Pow(10, mag - p + 1)) * Math.Pow(10, mag - p + 1);
        return rounded.ToString("F" + Math.Min(decimals, 15), CultureInfo.InvariantCulture);
    }

    private static string SiPrefix(int k) => k switch
    {
        -24 => "y", -21 => "z", -18 => "a", -15 => "f", -12 => "p", -9 => "n", -6 => "µ", -3 => "m",
        0 => "", 3 => "k", 6 => "M", 9 => "G", 12 => "T", 15 => "P", 18 => "E", 21 => "Z", 24 => "Y", _ => "",
    };
}
