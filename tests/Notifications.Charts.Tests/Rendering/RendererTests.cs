using Notifications.Charts.Tests.Support;

namespace Notifications.Charts.Tests.Rendering;

public sealed class RendererTests
{
    private readonly PlotlyChartRenderer _renderer = new();

    [Fact]
    public void Default_size_is_700_by_500_and_the_title_is_returned()
    {
        var img = _renderer.Render(Figures.Bar);
        Assert.Equal((700, 500), (img.Width, img.Height));
        Assert.Equal((700, 500), Figures.PngSize(img.Png));
        Assert.Equal("Sales", img.Title);
    }

    [Fact]
    public void Layout_size_is_used_unless_autosize_is_true()
    {
        var sized = """{"data":[{"type":"bar","y":[1,2]}],"layout":{"width":400,"height":300}}""";
        var auto = """{"data":[{"type":"bar","y":[1,2]}],"layout":{"width":1000,"height":800,"autosize":true}}""";
        Assert.Equal((400, 300), Figures.PngSize(_renderer.Render(sized).Png));
        Assert.Equal((700, 500), Figures.PngSize(_renderer.Render(auto).Png));
    }

    [Fact]
    public void Explicit_width_and_height_override_the_layout()
    {
        var img = _renderer.Render("""{"data":[{"type":"bar","y":[1,2]}],"layout":{"width":400,"height":300}}""", 640, 360);
        Assert.Equal((640, 360), Figures.PngSize(img.Png));
    }

    [Fact]
    public void Same_input_gives_the_same_bytes()
    {
        var a = _renderer.Render(Figures.Line).Png;
        var b = new PlotlyChartRenderer().Render(Figures.Line).Png;
        Assert.Equal(a, b);
    }

    [Fact]
    public void Renders_concurrently_with_identical_results()
    {
        var expected = _renderer.Render(Figures.Bar).Png;
        var results = new byte[8][];
        Parallel.For(0, results.Length, i => results[i] = _renderer.Render(Figures.Bar).Png);
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void Typical_chart_png_is_under_200_kb()
    {
        foreach (var f in SharedFigures.All().Where(f => f.Folder == "report-figures"))
        {
            var png = _renderer.Render(File.ReadAllText(Path.Combine(f.Dir, f.Name + ".json"))).Png;
            Assert.True(png.Length < 200_000, $"{f.Name}: {png.Length} bytes");
        }
    }

    [Theory]
    [InlineData("""{"data":[{"type":"pie","labels":["a","b","c"],"values":[1,2,3],"hole":0.4}],"layout":{}}""")]
    [InlineData("""{"data":[{"type":"histogram","x":[1,2,2,3,3,3,4],"histnorm":"percent"}],"layout":{}}""")]
    [InlineData("""{"data":[{"type":"bar","orientation":"h","y":["a","b"],"x":[3,5],"text":["3","5"],"textposition":"outside"}],"layout":{}}""")]
    [InlineData("""{"data":[{"type":"scatter","x":["2024-01-01","2024-02-01","2024-03-01"],"y":[1,3,2],"fill":"tozeroy","line":{"dash":"dash"}}],"layout":{}}""")]
    [InlineData("""{"data":[{"type":"scatter","y":[1,2,3],"stackgroup":"a"},{"type":"scatter","y":[2,2,2],"stackgroup":"a"}],"layout":{}}""")]
    public void Each_trace_kind_draws_something(string fig)
    {
        var png = _renderer.Render(fig).Png;
        Assert.True(Figures.InkPixels(png) > 500, "expected visible chart content");
    }

    [Fact]
    public void Stacked_bars_reach_the_sum_of_their_values()
    {
        var stacked = """{"data":[{"type":"bar","x":["a"],"y":[2]},{"type":"bar","x":["a"],"y":[3]}],"layout":{"barmode":"stack","showlegend":false,"yaxis":{"range":[0,10]}}}""";
        var png = _renderer.Render(stacked).Png;
        // y=5 of 0..10 over a 320 px plot starting at y=100 is pixel row 260: just below it is bar, just above is not.
        var below = Figures.Pixel(png, 350, 264);
        var above = Figures.Pixel(png, 350, 254);
        Assert.NotEqual((255, 255, 255), below);
        Assert.True(above.R > 200 && above.G > 200 && above.B > 200, $"above the stack: {above}");
    }
}
