using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Notifications.Channels.Webhooks.Telegram;

/// <summary>
/// Splits Telegram HTML into messages at safe points: never inside a tag, an entity or a text element, preferring line
/// then word breaks. Tags open at a cut are closed at the end of that chunk and reopened at the start of the next, so
/// every chunk is well-formed on its own. Lengths are counted on the HTML, which is never shorter than the text
/// Telegram counts after parsing.
/// </summary>
public static class HtmlChunks
{
    private static readonly Regex Markup = new(@"<[^>]*>|&[#A-Za-z0-9]+;", RegexOptions.CultureInvariant);

    private sealed record Token(string Text, string? Opens, string? Closes);

    /// <param name="firstMax">The limit of the first chunk (a photo caption); every later chunk gets <paramref name="max"/>.</param>
    public static List<string> Split(string html, int firstMax, int max)
    {
        var tokens = Tokenize(html.Trim());
        var chunks = new List<string>();
        var open = new List<Token>();
        var i = 0;
        while (i < tokens.Count)
        {
            var limit = chunks.Count == 0 ? firstMax : max;
            while (open.Count == 0 && i < tokens.Count && tokens[i].Text is "\n" or " ") i++; // no leading blank lines
            if (i >= tokens.Count) break;
            var text = new StringBuilder(string.Concat(open.Select(t => t.Text)));
            var stack = new List<Token>(open);
            var start = i;
            (int Index, int Length, List<Token> Stack)? lineBreak = null, wordBreak = null;
            var full = false;
            while (i < tokens.Count)
            {
                var token = tokens[i];
                var next = Apply(stack, token);
                if (text.Length + token.Text.Length + Closing(next).Length > limit)
                {
                    full = true;
                    break;
                }
                text.Append(token.Text);
                stack = next;
                i++;
                if (text.Length > limit / 2 && token.Text == "\n") lineBreak = (i, text.Length, new List<Token>(stack));
                if (text.Length > limit / 2 && token.Text == " ") wordBreak = (i, text.Length, new List<Token>(stack));
            }
            if (full && (lineBreak ?? wordBreak) is { } cut)
            {
                text.Length = cut.Length;
                i = cut.Index;
                stack = cut.Stack;
            }
            if (i == start) // one token longer than the limit (cannot happen with Telegram's short tags): send it alone
            {
                text.Append(tokens[i].Text);
                stack = Apply(stack, tokens[i]);
                i++;
            }
            var body = text.ToString().TrimEnd('\n', ' ');
            chunks.Add(body + Closing(stack));
            open = stack;
        }
        return chunks;
    }

    /// <summary>The text Telegram shows (tags removed, entities decoded): what its limits count.</summary>
    public static string VisibleText(string html) => System.Net.WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]*>", ""));

    private static List<Token> Apply(List<Token> stack, Token token)
    {
        if (token.Opens is null && token.Closes is null) return stack;
        var next = new List<Token>(stack);
        if (token.Opens is not null) next.Add(token);
        else
        {
            var at = next.FindLastIndex(t => t.Opens == token.Closes);
            if (at >= 0) next.RemoveAt(at);
        }
        return next;
    }

    private static string Closing(List<Token> stack) => string.Concat(Enumerable.Reverse(stack).Select(t => $"</{t.Opens}>"));

    private static List<Token> Tokenize(string html)
    {
        var tokens = new List<Token>();
        var at = 0;
        foreach (Match m in Markup.Matches(html))
        {
            AddText(html[at..m.Index], tokens);
            var tag = m.Value;
            if (tag.StartsWith("</", StringComparison.Ordinal)) tokens.Add(new Token(tag, null, Name(tag[2..])));
            else if (tag.StartsWith('<')) tokens.Add(new Token(tag, Name(tag[1..]), null));
            else tokens.Add(new Token(tag, null, null));
            at = m.Index + m.Length;
        }
        AddText(html[at..], tokens);
        return tokens;
    }

    private static string Name(string rest) => new(rest.TakeWhile(char.IsLetterOrDigit).ToArray());

    private static void AddText(string text, List<Token> tokens)
    {
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext()) tokens.Add(new Token(elements.GetTextElement(), null, null));
    }
}
