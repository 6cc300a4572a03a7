using System.Globalization;
using System.Text.RegularExpressions;

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
    public static List<string> Split(string text, int max) => Split(text, max, null);

    /// <summary>
    /// Splits rendered markup into chunks of at most <paramref name="max"/> chars. Never cuts inside a match of
    /// <paramref name="atoms"/> (a link, an entity, an escape) or a text element; when <paramref name="fence"/> is set
    /// (e.g. "```"), a chunk that ends inside a code block is closed and the next one reopens it.
    /// </summary>
    public static List<string> Split(string text, int max, Regex? atoms, string? fence = null)
    {
        var chunks = new List<string>();
        var rest = text.Trim();
        while (rest.Length > 0)
        {
            (var chunk, rest) = Next(rest, max, atoms, fence);
            if (chunk.Length > 0) chunks.Add(chunk);
        }
        return chunks;
    }

    /// <summary>The first chunk of <see cref="Split(string,int,Regex?,string?)"/> and what is left after it.</summary>
    private static (string Chunk, string Remainder) Next(string text, int max, Regex? atoms, string? fence)
    {
        if (text.Length <= max) return (text, "");
        var reserve = fence is not null && text.Contains(fence, StringComparison.Ordinal) ? fence.Length + 1 : 0;
        var cut = BestBreak(text, Math.Max(1, max - reserve), atoms);
        // Always make progress: one text element wider than the limit goes whole.
        if (cut == 0) cut = System.Globalization.StringInfo.GetNextTextElementLength(text);
        var chunk = text[..cut].TrimEnd();
        var rest = text[cut..].TrimStart();
        if (fence is not null && Count(chunk, fence) % 2 == 1)
        {
            chunk += "\n" + fence;
            rest = fence + "\n" + rest;
        }
        return (chunk, rest);
    }

    /// <summary>Like <see cref="Truncate"/>, with the safe points of <see cref="Split(string,int,Regex?,string?)"/>;
    /// the marker goes on its own line.</summary>
    public static string Truncate(string text, int max, Regex? atoms, string? fence = null)
    {
        return text.Length <= max ? text : MarkTruncated(text, max, atoms, fence);
    }

    /// <summary>Cuts (if needed) and always appends the marker on its own line: for text whose rest was dropped elsewhere.</summary>
    public static string MarkTruncated(string text, int max, Regex? atoms, string? fence = null)
    {
        var room = max - TruncatedMarker.Length - 1;
        if (room <= 0) return Truncate(text, max);
        var kept = Next(text.Trim(), room, atoms, fence).Chunk;
        return (kept.Length > 0 ? kept + "\n" : "") + TruncatedMarker;
    }

    private static int Count(string text, string fence)
    {
        var n = 0;
        for (var at = text.IndexOf(fence, StringComparison.Ordinal); at >= 0; at = text.IndexOf(fence, at + fence.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    private static int BestBreak(string text, int max, Regex? atoms)
    {
        var limit = SafeLength(text, max);
        var spans = atoms is null ? [] : atoms.Matches(text[..Math.Min(text.Length, max + 2000)]).Where(m => m.Index < limit).ToList();
        bool Inside(int at) => spans.Any(m => at > m.Index && at < m.Index + m.Length);
        var window = text[..limit];
        foreach (var separator in new[] { "\n\n", "\n", " " })
            for (var at = window.LastIndexOf(separator, StringComparison.Ordinal); at > max / 2; at = window.LastIndexOf(separator, at - 1, StringComparison.Ordinal))
            {
                if (!Inside(at + separator.Length)) return at + separator.Length;
                if (at == 0) break;
            }
        // No good break: the longest prefix that still ends outside every atom and on a text-element boundary.
        var cut = limit;
        while (cut > 0 && Inside(cut)) cut = spans.Where(m => cut > m.Index && cut < m.Index + m.Length).Min(m => m.Index);
        cut = SafeLength(text, cut);
        return cut > 0 ? cut : limit;
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
