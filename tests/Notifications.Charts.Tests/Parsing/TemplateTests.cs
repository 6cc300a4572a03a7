using Notifications.Charts.Tests.Support;

namespace Notifications.Charts.Tests.Parsing;

public sealed class TemplateTests
{
    [Fact]
    public void Template_colorway_and_plot_background_apply()
    {
        var fig = """{"data":[{"type":"bar","x":["a","b"],"y":[2,3]}],"layout":{"template":{"layout":{"colorway":["#ff0000"],"plot_bgcolor":"#00ff00"}}}}""";
        var png = new PlotlyChartRenderer().Render(fig).Png;
        // Bars are red (template colorway); the plot corner is green (template plot_bgcolor).
        var bar = Figures.Pixel(png, 215, 400);
        Assert.True(bar.R > 240 && bar.G < 20 && bar.B < 20, $"bar pixel {bar}");
        var plotCorner = Figures.Pixel(png, 85, 105);
        Assert.True(plotCorner.G > 240 && plotCorner.R < 20, $"plot pixel {plotCorner}");
    }

    [Fact]
    public void Figure_attributes_win_over_the_template()
    {
        var fig = """{"data":[{"type":"bar","x":["a","b"],"y":[2,3],"marker":{"color":"#0000ff"}}],"layout":{"plot_bgcolor":"#ffffff","template":{"data":{"bar":[{"marker":{"color":"#ff0000"}}]},"layout":{"plot_bgcolor":"#00ff00"}}}}""";
        var png = new PlotlyChartRenderer().Render(fig).Png;
        var bar = Figures.Pixel(png, 215, 400);
        Assert.True(bar.B > 240 && bar.R < 20, $"bar pixel {bar}");
        var plotCorner = Figures.Pixel(png, 85, 105);
        Assert.Equal((255, 255, 255), plotCorner);
    }

    [Fact]
    public void Template_trace_defaults_apply_when_the_trace_is_silent()
    {
        var fig = """{"data":[{"type":"bar","x":["a","b"],"y":[2,3]}],"layout":{"template":{"data":{"bar":[{"marker":{"color":"#00ff00"}}]}}}}""";
        var bar = Figures.Pixel(new PlotlyChartRenderer().Render(fig).Png, 215, 400);
        Assert.True(bar.G > 240 && bar.R < 20, $"bar pixel {bar}");
    }
}
