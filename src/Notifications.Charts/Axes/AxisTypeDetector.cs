using Notifications.Charts.Parsing;

namespace Notifications.Charts.Axes;

/// <summary>
/// plotly's axis autotype: dates when most entries are date strings, category when non-numeric
/// strings outnumber numbers, otherwise linear. With autotypenumbers "strict", numeric strings are categories.
/// </summary>
internal static class AxisTypeDetector
{
    public static AxisType Detect(IEnumerable<DataArray> columns, bool strictNumbers)
    {
        long nums = 0, dates = 0, cats = 0;
        foreach (var col in columns)
        {
            // Sample large columns: the verdict does not need every point.
            int step = Math.Max(1, col.Length / 1000);
            for (int i = 0; i < col.Length; i += step)
            {
                var s = col.Strings?[i];
                if (s is null)
                {
                    if (!double.IsNaN(col.Numbers[i])) nums++;
                    continue;
                }
                if (Dates.TryParse(s, out _)) dates++;
                else if (!strictNumbers && !double.IsNaN(col.Numbers[i])) nums++;
                else if (!string.IsNullOrWhiteSpace(s)) cats++;
            }
        }
        if (dates > 0 && dates >= 2 * cats && dates > nums) return AxisType.Date;
        if (cats > 0 && cats * 2 > nums) return AxisType.Category;
        return AxisType.Linear;
    }
}
