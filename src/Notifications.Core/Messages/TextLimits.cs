using System.Globalization;

namespace Notifications.Messages;

/// <summary>Splitting and truncating at provider limits, at safe points and never inside a surrogate pair.</summary>
public static class TextLimits
{
    public const string TruncatedMarker = "… (truncated)";

    /// <summary>Cuts to at most <paramref name="max"/> chars, ending with the truncation marker when anything was cut.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max) return text;
        if (max <= TruncatedMarker.Length) return SafePrefix(text, max);
        return SafePrefix(text, max - TruncatedMarker.Length).TrimEnd() + TruncatedMarker;
    }

    /// <summary>Splits into chunks of at most <paramref name="max"/> chars, preferring paragraph, then line, then word breaks.</summary>
    public static List<string> Split(string text, int max)
    {
        var chunks = new List<string>();
        var rest = text.Trim();
        while (rest.Length > max)
        {
            var cut = BestBreak(rest, max);
            chunks.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0) chunks.Add(rest);
        return chunks;
    }

    private static int BestBreak(string text, int max)
    {
        var window = text[..SafeLength(text, max)];
        foreach (var separator in new[] { "\n\n", "\n", " " })
        {
            var at = window.LastIndexOf(separator, StringComparison.Ordinal);
            if (at > max / 2) return at + separator.Length;
        }
        return window.Length;
    }

    /// <summary>The longest prefix length not above <paramref name="max"/> that ends on a text-element boundary
    /// (so no surrogate pair, emoji sequence or combining mark is cut).</summary>
    public static int SafeLength(string text, int max)
    {
        if (text.Length <= max) return text.Length;
        var elements = StringInfo.GetTextElementEnumerator(text);
        var safe = 0;
        while (elements.MoveNext())
        {
            var end = elements.ElementIndex + elements.GetTextElement().Length;
            if (end > max) break;
            safe = end;
        }
        return safe;
    }

    private static string SafePrefix(string text, int max) => text[..SafeLength(text, max)];
}
