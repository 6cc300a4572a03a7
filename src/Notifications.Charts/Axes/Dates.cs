using System.Globalization;
using System.Text;

namespace Notifications.Charts.Axes;

/// <summary>Date values on date axes are milliseconds since 1970 UTC, as in plotly.js.</summary>
internal static class Dates
{
    public const double Day = 86_400_000;
    public const double Hour = 3_600_000;
    public const double Minute = 60_000;
    public const double Second = 1000;
    public const double AvgYear = 365.25 * Day;
    public const double AvgMonth = AvgYear / 12;

    private static readonly string[] Months = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames;
    private static readonly string[] MonthsFull = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    /// <summary>Parses plotly's date strings: "YYYY", "YYYY-MM", "YYYY-MM-DD", optional " HH:MM[:SS[.fff]]" or "T".</summary>
    public static bool TryParse(string? s, out double ms)
    {
        ms = double.NaN;
        if (string.IsNullOrWhiteSpace(s)) return false;
        s = s.Trim();
        if (s.Length < 4 || !char.IsDigit(s[0])) return false;
        int year, month = 1, day = 1, hour = 0, minute = 0;
        double sec = 0;
        var parts = s.Split(new[] { ' ', 'T' }, 2);
        var dp = parts[0].Split('-');
        if (dp.Length > 3 || dp[0].Length != 4 || !int.TryParse(dp[0], NumberStyles.None, CultureInfo.InvariantCulture, out year)) return false;
        if (dp.Length == 1 && parts.Length == 1) return false; // a bare 4-digit number is a number, not a date
        if (dp.Length > 1 && !(int.TryParse(dp[1], NumberStyles.None, CultureInfo.InvariantCulture, out month) && month is >= 1 and <= 12)) return false;
        if (dp.Length > 2 && !(int.TryParse(dp[2], NumberStyles.None, CultureInfo.InvariantCulture, out day) && day >= 1 && day <= DateTime.DaysInMonth(year, month))) return false;
        if (parts.Length == 2)
        {
            var t = parts[1].TrimEnd('Z');
            int plus = t.IndexOfAny(new[] { '+' });
            if (plus > 0) t = t[..plus];
            var tp = t.Split(':');
            if (tp.Length < 2 || !int.TryParse(tp[0], NumberStyles.None, CultureInfo.InvariantCulture, out hour) || hour > 23) return false;
            if (!int.TryParse(tp[1], NumberStyles.None, CultureInfo.InvariantCulture, out minute) || minute > 59) return false;
            if (tp.Length > 2 && !double.TryParse(tp[2], NumberStyles.Float, CultureInfo.InvariantCulture, out sec)) return false;
        }
        if (year < 1) return false;
        var dt = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc);
        ms = (dt - DateTime.UnixEpoch).TotalMilliseconds + sec * 1000;
        return true;
    }

    public static DateTime ToDate(double ms)
    {
        ms = Math.Clamp(ms, -62_135_596_800_000d, 253_402_300_799_000d);
        return DateTime.UnixEpoch.AddMilliseconds(ms);
    }

    public static double FromDate(DateTime d) => (d - DateTime.UnixEpoch).TotalMilliseconds;

    /// <summary>A subset of d3-time-format / strftime: %Y %y %m %-m %d %-d %e %b %B %H %I %M %S %p %a %A %j %%.</summary>
    public static string Format(double ms, string fmt)
    {
        var d = ToDate(ms);
        var sb = new StringBuilder();
        for (int i = 0; i < fmt.Length; i++)
        {
            char c = fmt[i];
            if (c != '%' || i + 1 >= fmt.Length) { sb.Append(c); continue; }
            char f = fmt[++i];
            bool noPad = false;
            if ((f == '-' || f == '_' || f == '0') && i + 1 < fmt.Length) { noPad = f == '-'; f = fmt[++i]; }
            string P2(int v) => noPad ? v.ToString(CultureInfo.InvariantCulture) : v.ToString("00", CultureInfo.InvariantCulture);
            sb.Append(f switch
            {
                'Y' => d.Year.ToString(CultureInfo.InvariantCulture),
                'y' => (d.Year % 100).ToString("00", CultureInfo.InvariantCulture),
                'm' => P2(d.Month),
                'd' => P2(d.Day),
                'e' => d.Day.ToString(CultureInfo.InvariantCulture),
                'b' or 'h' => Months[d.Month - 1],
                'B' => MonthsFull[d.Month - 1],
                'H' => P2(d.Hour),
                'I' => P2(d.Hour % 12 == 0 ? 12 : d.Hour % 12),
                'M' => P2(d.Minute),
                'S' => P2(d.Second),
                'L' => d.Millisecond.ToString("000", CultureInfo.InvariantCulture),
                'p' => d.Hour < 12 ? "AM" : "PM",
                'a' => d.DayOfWeek.ToString()[..3],
                'A' => d.DayOfWeek.ToString(),
                'j' => d.DayOfYear.ToString("000", CultureInfo.InvariantCulture),
                'q' => ((d.Month - 1) / 3 + 1).ToString(CultureInfo.InvariantCulture),
                '%' => "%",
                _ => "%" + f,
            });
        }
        return sb.ToString();
    }
}
