using ChartScore;
using Notifications.Charts.Tests.Support;

namespace Notifications.Charts.Tests.Fidelity;

public sealed class ScorerTests
{
    [Fact]
    public void Identical_images_score_one()
    {
        var png = new PlotlyChartRenderer().Render(Figures.Bar).Png;
        var (s8, full, same) = Scorer.Score(png, png);
        Assert.True(same);
        Assert.Equal(1, s8, 9);
        Assert.Equal(1, full, 9);
    }

    [Fact]
    public void A_blank_image_scores_far_below_the_chart()
    {
        var r = new PlotlyChartRenderer();
        var chart = r.Render(Figures.Bar).Png;
        var blank = r.Render("""{"data":[],"layout":{"xaxis":{"visible":false},"yaxis":{"visible":false}}}""").Png;
        var (s8, full, _) = Scorer.Score(chart, blank);
        Assert.InRange(s8, 0, 0.8);
        Assert.InRange(full, 0, 0.95);
    }

    [Fact]
    public void Different_charts_score_between_blank_and_identical()
    {
        var r = new PlotlyChartRenderer();
        var (s8, _, _) = Scorer.Score(r.Render(Figures.Bar).Png, r.Render(Figures.Line).Png);
        Assert.InRange(s8, 0.2, 0.9);
    }

    [Fact]
    public void Ssim_matches_a_hand_computed_constant_window()
    {
        // Two flat images: SSIM reduces to the luminance term (2ab + c1) / (a^2 + b^2 + c1).
        var a = new Raster(10, 10, 1);
        var b = new Raster(10, 10, 1);
        Array.Fill(a.Data, 100.0);
        Array.Fill(b.Data, 120.0);
        double c1 = Math.Pow(0.01 * 255, 2);
        double expected = (2 * 100 * 120 + c1) / (100 * 100 + 120 * 120 + c1);
        Assert.Equal(expected, Ssim.Compute(a, b), 9);
    }
}
