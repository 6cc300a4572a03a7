using System.Globalization;
using System.Text.Json;

namespace Notifications.Charts.Parsing;

/// <summary>Lenient conversions from JSON values, as plotly.js coerces them.</summary>
internal static class JsonValues
{
    public static double? ToDouble(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.Number => v.TryGetDouble(out var d) ? d : null,
        JsonValueKind.String => ParseNumber(v.GetString()),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => null,
    };

    public static double? ParseNumber(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        // plotly accepts "NaN"/"Infinity" only as non-values; keep them out of the data.
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
            return d;
        return null;
    }
}
