using System.Text;
using Notifications.Charts.Tests.Support;

namespace Notifications.Charts.Tests.Robustness;

/// <summary>Any input gives either a clear error naming the problem or a best-effort chart.</summary>
public sealed class RobustnessTests
{
    private readonly PlotlyChartRenderer _renderer = new();

    [Theory]
    [InlineData("{", "malformed")]
    [InlineData("", "malformed")]
    [InlineData("[1,2]", "must be an object")]
    [InlineData("""{"data":{"type":"bar"}, "layout": 5}""", "'layout' must be an object")]
    [InlineData("""{"data":[1,2]}""", "data[0] must be a trace object")]
    [InlineData("""{"data":"bars"}""", "'data' must be an array")]
    [InlineData("""{"data":[{"type":"bar","y":"nope"}]}""", "'y' must be an array")]
    public void Malformed_input_gets_an_error_naming_the_problem(string json, string expected)
    {
        var ex = Assert.Throws<ChartRenderException>(() => _renderer.Render(json));
        Assert.Contains(expected, ex.Message);
    }

    [Fact]
    public void Unknown_trace_type_is_named()
    {
        var ex = Assert.Throws<ChartRenderException>(() => _renderer.Render("""{"data":[{"type":"heatmap","z":[[1]]}]}"""));
        Assert.Contains("unsupported trace type 'heatmap'", ex.Message);
    }

    [Fact]
    public void Nulls_nan_and_infinity_are_skipped()
    {
        // NaN/Infinity are not JSON; plotly.py writes them as null or strings.
        var fig = """{"data":[{"type":"scatter","x":[1,2,3,4,5],"y":[1,null,"NaN","Infinity",5]},{"type":"bar","x":["a","b"],"y":[null,"-Infinity"]}],"layout":{}}""";
        var png = _renderer.Render(fig).Png;
        Assert.True(Figures.InkPixels(png) > 200);
    }

    [Fact]
    public void Mismatched_lengths_use_the_shorter()
    {
        var png = _renderer.Render("""{"data":[{"type":"scatter","x":[1,2,3,4,5,6],"y":[3,1,2]},{"type":"bar","x":["a"],"y":[1,2,3]}],"layout":{}}""").Png;
        Assert.True(Figures.InkPixels(png) > 200);
    }

    [Fact]
    public void Wrong_attribute_types_fall_back_to_defaults()
    {
        var fig = """{"data":[{"type":"bar","x":["a","b"],"y":[1,2],"marker":{"color":42,"line":"x"},"width":"wide","opacity":"half"}],"layout":{"width":"big","bargap":"x","title":7,"xaxis":"none","font":{"size":-3}}}""";
        var img = _renderer.Render(fig);
        Assert.Equal((700, 500), (img.Width, img.Height));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(100_000, 100_000)]
    [InlineData(-5, 300)]
    public void Absurd_sizes_are_clamped(int w, int h)
    {
        var img = _renderer.Render(Figures.Bar, w, h);
        Assert.InRange(img.Width, 10, 3000);
        Assert.InRange(img.Height, 10, 3000);
        Assert.Equal((img.Width, img.Height), Figures.PngSize(img.Png));
    }

    [Fact]
    public void Layout_size_of_zero_or_huge_is_clamped()
    {
        var img = _renderer.Render("""{"data":[{"type":"bar","y":[1,2]}],"layout":{"width":100000,"height":0}}""");
        Assert.Equal((3000, 10), (img.Width, img.Height));
    }

    [Fact]
    public void A_million_points_render_within_a_second_or_so()
    {
        var sb = new StringBuilder("""{"data":[{"type":"scatter","mode":"lines","y":[""");
        var rng = new Random(1);
        for (int i = 0; i < 1_000_000; i++)
        {
            if (i > 0) sb.Append(',');
            sb.Append(Math.Round(Math.Sin(i / 5000.0) * 100 + rng.NextDouble() * 10, 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        sb.Append("]}],\"layout\":{}}");
        var json = sb.ToString();
        _renderer.Render(Figures.Line); // warm up
        ChartImage? img = null;
        var cpuMs = ThreadCpu.Measure(() => img = _renderer.Render(json));
        Assert.True(Figures.InkPixels(img!.Png) > 1000);
        // The budget is 1 s of CPU per render (wall time on a loaded machine also counts waiting for a core).
        Assert.True(cpuMs < 1000, $"took {cpuMs:F0} ms of CPU");
    }

    [Fact]
    public void Ten_thousand_categories_render()
    {
        var cats = string.Join(",", Enumerable.Range(0, 10_000).Select(i => $"\"c{i}\""));
        var vals = string.Join(",", Enumerable.Range(0, 10_000).Select(i => (i % 97).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var json = $$$"""{"data":[{"type":"bar","x":[{{{cats}}}],"y":[{{{vals}}}]}],"layout":{}}""";
        ChartImage? img = null;
        var cpuMs = ThreadCpu.Measure(() => img = _renderer.Render(json));
        Assert.True(Figures.InkPixels(img!.Png) > 1000);
        Assert.True(cpuMs < 1000, $"took {cpuMs:F0} ms of CPU");
    }

    [Fact]
    public void Empty_figure_gives_empty_axes()
    {
        var img = _renderer.Render("""{"data":[],"layout":{}}""");
        Assert.Equal((700, 500), (img.Width, img.Height));
        Assert.Null(img.Title);
    }

    [Fact]
    public void Extreme_values_do_not_crash()
    {
        var fig = """{"data":[{"type":"scatter","x":[0,1,2],"y":[1e308,-1e308,5e-324]},{"type":"bar","x":[1e300,2e300],"y":[1,2]},{"type":"histogram","x":[1,1e300]}],"layout":{}}""";
        var img = _renderer.Render(fig);
        Assert.Equal((700, 500), Figures.PngSize(img.Png));
    }

    [Fact]
    public void Pie_with_negative_and_missing_values_draws_the_rest()
    {
        var png = _renderer.Render("""{"data":[{"type":"pie","labels":["a","b","c","d"],"values":[-1,null,2,3]}],"layout":{}}""").Png;
        Assert.True(Figures.InkPixels(png) > 1000);
    }
}
