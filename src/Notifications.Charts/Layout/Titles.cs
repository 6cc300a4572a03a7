using System.Text.Json;
using Notifications.Charts.Parsing;
using Notifications.Charts.Text;

namespace Notifications.Charts.Layout;

/// <summary>Reads titles in both plotly forms: v1's plain string (+ titlefont) and {text, font, ...}.</summary>
internal static class Titles
{
    public static string? Text(Props owner)
    {
        if (owner.Get("title") is { } t)
        {
            if (t.ValueKind == JsonValueKind.String) return Clean(t.GetString());
            if (t.ValueKind == JsonValueKind.Number) return t.GetRawText();
        }
        return Clean(owner.Str("title.text"));
    }

    public static FontSpec Font(Props owner, FontSpec fallback) =>
        FontSpec.From(owner.Sub("title.font").With(owner.Sub("titlefont")), fallback);

    // plotly's editable-chart placeholders ("Click to enter Plot title") never show in a static image.
    private static string? Clean(string? s) =>
        string.IsNullOrWhiteSpace(s) || (s.StartsWith("Click to enter", StringComparison.Ordinal) && s.EndsWith("title", StringComparison.Ordinal)) ? null : s;
}
