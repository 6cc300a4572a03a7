using Notifications.Runs;

namespace Notifications.Tests.Runs;

public sealed class ChartExtractorTests
{
    [Fact]
    public void Finds_plotly_blocks_and_removes_only_them()
    {
        var markdown = "# Report\n\nBefore.\n\n```plotly\n{\"data\":[]}\n```\n\nMiddle.\n\n~~~plotly\n{\"data\":[{\"type\":\"bar\"}]}\n~~~\n\n```json\n{\"keep\": true}\n```\n\nAfter.";
        var blocks = ChartExtractor.Find(markdown);

        Assert.Equal(2, blocks.Count);
        Assert.Equal("{\"data\":[]}", blocks[0].FigureJson.Trim());
        Assert.Equal("{\"data\":[{\"type\":\"bar\"}]}", blocks[1].FigureJson.Trim());
        var text = ChartExtractor.Replace(markdown, blocks, _ => "");
        Assert.Equal("# Report\n\nBefore.\n\nMiddle.\n\n```json\n{\"keep\": true}\n```\n\nAfter.", text);
    }

    [Fact]
    public void A_plotly_fence_inside_another_code_block_is_not_a_chart()
    {
        var markdown = "````markdown\n```plotly\n{}\n```\n````";
        Assert.Empty(ChartExtractor.Find(markdown));
    }

    [Fact]
    public void An_unclosed_block_runs_to_the_end_and_is_still_removed()
    {
        var markdown = "Intro.\n\n```plotly\n{\"data\": [";
        var blocks = ChartExtractor.Find(markdown);
        Assert.Single(blocks);
        Assert.Equal("Intro.\n\nNOTE", ChartExtractor.Replace(markdown, blocks, _ => "NOTE"));
    }
}
