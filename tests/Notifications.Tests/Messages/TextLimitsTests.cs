using Notifications.Messages;

namespace Notifications.Tests.Messages;

public sealed class TextLimitsTests
{
    [Fact]
    public void Truncate_keeps_short_text_and_marks_cut_text()
    {
        Assert.Equal("short", TextLimits.Truncate("short", 10));
        var cut = TextLimits.Truncate(new string('a', 100), 50);
        Assert.Equal(50, cut.Length);
        Assert.EndsWith(TextLimits.TruncatedMarker, cut);
    }

    [Fact]
    public void Truncate_never_splits_a_surrogate_pair_or_emoji_sequence()
    {
        var family = "👨‍👩‍👧‍👦"; // one text element, 11 UTF-16 units
        var text = new string('x', 30) + family + family;
        for (var max = 30; max < text.Length; max++)
        {
            var cut = TextLimits.Truncate(text, max);
            Assert.True(cut.Length <= max);
            var kept = cut[..^TextLimits.TruncatedMarker.Length];
            Assert.False(char.IsHighSurrogate(kept[^1]), $"max {max}: ends in a lone high surrogate");
            Assert.True(kept.TrimEnd().Replace(family, "").All(c => c == 'x'), $"max {max}: a partial emoji sequence was kept");
        }
    }

    [Fact]
    public void Split_prefers_paragraphs_and_keeps_every_character()
    {
        var paragraphs = Enumerable.Range(1, 40).Select(i => $"Paragraph {i} " + new string('y', 80)).ToList();
        var text = string.Join("\n\n", paragraphs);
        var chunks = TextLimits.Split(text, 500);
        Assert.All(chunks, c => Assert.True(c.Length <= 500));
        Assert.All(chunks, c => Assert.StartsWith("Paragraph", c));
        Assert.Equal(text.Replace("\n", ""), string.Concat(chunks).Replace("\n", ""));
    }

    [Fact]
    public void Split_of_text_without_breaks_cuts_at_text_elements()
    {
        var text = string.Concat(Enumerable.Repeat("日本語😀", 500));
        var chunks = TextLimits.Split(text, 101);
        Assert.All(chunks, c => Assert.True(c.Length <= 101 && !char.IsHighSurrogate(c[^1]) && !char.IsLowSurrogate(c[0])));
        Assert.Equal(text, string.Concat(chunks));
    }
}
