namespace Notifications.Charts.Axes;

/// <summary>
/// Date axis ticks: steps of years (1/2/5x10^n), months (1, 2, 3, 6; "Jan 2024"), days (1, 2, 7, 14; weeks start on Sunday),
/// hours, minutes or seconds, labelled with plotly's formats and a second "header" line (the year, or the date)
/// wherever that header changes.
/// </summary>
internal static class DateTicks
{
    public static Ticks Generate(Axis ax, double lo, double hi, double rough)
    {
        var vals = new List<double>();
        string fmt, head;
        var tickformat = ax.P.Str("tickformat");
        // An explicit dtick: "M<n>" for n months, or milliseconds.
        var dtickStr = ax.P.Str("dtick");
        if (dtickStr is { Length: > 1 } && dtickStr[0] == 'M' && int.TryParse(dtickStr[1..], out var mStep) && mStep > 0)
            rough = mStep * Dates.AvgMonth * 0.999;
        else if (ax.P.Num("dtick") is { } msStep && msStep > 0)
            rough = msStep;
        if (rough > Dates.AvgYear * 0.8)
        {
            double years = Math.Max(1, TickGenerator.NiceStep(rough / Dates.AvgYear) is var n && n < 1.5 ? 1 : TickGenerator.NiceStep(rough / Dates.AvgYear));
            var start = Dates.ToDate(lo);
            int y = (int)(Math.Ceiling(start.Year / years) * years);
            for (; vals.Count < 200; y += (int)years)
            {
                if (y > 9999) break;
                double v = Dates.FromDate(new DateTime(Math.Max(1, y), 1, 1, 0, 0, 0, DateTimeKind.Utc));
                if (v < lo) continue;
                if (v > hi) break;
                vals.Add(v);
            }
            fmt = "%Y"; head = "";
        }
        else if (rough > Dates.AvgMonth / 2)
        {
            int months = RoundUp(rough / Dates.AvgMonth, new[] { 1, 2, 3, 6, 12 });
            var d = Dates.ToDate(lo);
            var m = new DateTime(d.Year, d.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            while (vals.Count < 400)
            {
                double v = Dates.FromDate(m);
                if (v > hi) break;
                if (v >= lo && (m.Month - 1) % months == 0) vals.Add(v);
                if (m.Year >= 9999 && m.Month == 12) break;
                m = m.AddMonths(1);
            }
            // Month ticks carry the year on the same line ("Jan 2024"), as plotly labels them.
            fmt = "%b %Y"; head = "";
        }
        else if (rough > Dates.Day / 2)
        {
            // Three-day steps are skipped: plotly's date labels settle on weeks for month-long ranges.
            int days = RoundUp(rough / Dates.Day, new[] { 1, 2, 7, 14 });
            // plotly bases every day step on Sunday 2000-01-02 (weeks start on Sundays; 2-day steps follow along).
            double tick0 = Dates.FromDate(new DateTime(2000, 1, 2, 0, 0, 0, DateTimeKind.Utc));
            double step = days * Dates.Day;
            Fill(vals, lo, hi, tick0, step);
            fmt = "%b %-d"; head = "%Y";
        }
        else if (rough > Dates.Hour / 2)
        {
            int hours = RoundUp(rough / Dates.Hour, new[] { 1, 2, 3, 6, 12 });
            Fill(vals, lo, hi, 0, hours * Dates.Hour);
            fmt = "%H:%M"; head = "%b %-d, %Y";
        }
        else if (rough > Dates.Minute / 2)
        {
            int mins = RoundUp(rough / Dates.Minute, new[] { 1, 2, 5, 10, 15, 30 });
            Fill(vals, lo, hi, 0, mins * Dates.Minute);
            fmt = "%H:%M"; head = "%b %-d, %Y";
        }
        else
        {
            double secs = Math.Max(0.001, TickGenerator.NiceStep(rough / Dates.Second));
            Fill(vals, lo, hi, 0, secs * Dates.Second);
            fmt = "%H:%M:%S"; head = "%b %-d, %Y";
        }

        var labels = new string[vals.Count];
        string? prevHead = null;
        var prefix = ax.P.Str("tickprefix") ?? "";
        var suffix = ax.P.Str("ticksuffix") ?? "";
        for (int i = 0; i < vals.Count; i++)
        {
            if (!string.IsNullOrEmpty(tickformat))
            {
                labels[i] = prefix + Dates.Format(vals[i], tickformat) + suffix;
                continue;
            }
            var text = Dates.Format(vals[i], fmt);
            if (head.Length > 0)
            {
                var h = Dates.Format(vals[i], head);
                if (h != prevHead) text += "\n" + h;
                prevHead = h;
            }
            labels[i] = prefix + text + suffix;
        }
        return new Ticks(vals.ToArray(), labels);
    }

    private static void Fill(List<double> vals, double lo, double hi, double tick0, double step)
    {
        double first = tick0 + Math.Ceiling((lo - tick0) / step - 1e-9) * step;
        for (int i = 0; i < 500; i++)
        {
            double v = first + i * step;
            if (v > hi) break;
            vals.Add(v);
        }
    }

    private static int RoundUp(double v, int[] set)
    {
        foreach (var s in set) if (s >= v) return s;
        return set[^1];
    }
}
