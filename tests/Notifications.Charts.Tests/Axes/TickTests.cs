using Notifications.Charts.Axes;
using Notifications.Charts.Parsing;

namespace Notifications.Charts.Tests.Axes;

public sealed class TickTests
{
    [Theory]
    [InlineData(1.47, 2)]
    [InlineData(0.446, 0.5)]
    [InlineData(31700, 50000)]
    [InlineData(1, 2)]
    [InlineData(7, 10)]
    public void Nice_step_rounds_up_to_2_5_10(double rough, double expected) =>
        Assert.Equal(expected, TickGenerator.NiceStep(rough), 9);

    [Theory]
    [InlineData(250000, 0, 3, "250k")]
    [InlineData(0, 0, 3, "0")]
    [InlineData(-5, 0, 0, "\u22125")]
    [InlineData(2.5, 1, 0, "2.5")]
    [InlineData(3, 1, 0, "3")]
    [InlineData(12000, 0, 0, "12,000")]
    [InlineData(1500000, 0, 6, "1.5M")]
    public void Tick_labels_follow_plotly(double v, int decimals, int exponent, string expected) =>
        Assert.Equal(expected, NumberText.Tick(v, decimals, exponent, false));

    [Theory]
    [InlineData(1234.5, ",.0f", "1,235")]
    [InlineData(0.256, ".1%", "25.6%")]
    [InlineData(1500, "$,.2f", "$1,500.00")]
    [InlineData(2500000, ".2s", "2.5M")]
    [InlineData(-3, "+.1f", "\u22123.0")]
    public void D3_format_basics(double v, string spec, string expected) =>
        Assert.Equal(expected, D3Format.Format(v, spec));

    [Fact]
    public void Linear_axis_gets_plotly_ticks_for_a_default_y_axis()
    {
        var ax = new Axis('y', Props.Empty) { R0 = 4.4, R1 = 17.6, Pos = 100, Len = 320 };
        var t = TickGenerator.Generate(ax, 12);
        Assert.Equal(new double[] { 6, 8, 10, 12, 14, 16 }, t.Values);
        Assert.Equal(new[] { "6", "8", "10", "12", "14", "16" }, t.Labels);
    }

    [Fact]
    public void Date_axis_over_a_month_ticks_weekly_on_sundays_with_the_year_once()
    {
        Assert.True(Dates.TryParse("2024-03-01", out var lo));
        Assert.True(Dates.TryParse("2024-03-31", out var hi));
        var ax = new Axis('x', Props.Empty) { Type = AxisType.Date, R0 = lo, R1 = hi, Pos = 80, Len = 740 };
        var t = TickGenerator.Generate(ax, 12);
        Assert.Equal(new[] { "Mar 3\n2024", "Mar 10", "Mar 17", "Mar 24", "Mar 31" }, t.Labels);
    }

    [Fact]
    public void Date_axis_over_years_ticks_on_january_first()
    {
        Assert.True(Dates.TryParse("2015-06-01", out var lo));
        Assert.True(Dates.TryParse("2024-06-01", out var hi));
        var ax = new Axis('x', Props.Empty) { Type = AxisType.Date, R0 = lo, R1 = hi, Pos = 80, Len = 540 };
        var t = TickGenerator.Generate(ax, 12);
        Assert.All(t.Labels, l => Assert.Matches(@"^\d{4}$", l));
        Assert.Contains("2020", t.Labels);
    }

    [Fact]
    public void Autorange_pads_five_percent_and_keeps_zero_tight_for_bars()
    {
        var r = new AutoRange();
        r.Add(new double[] { 10, 20 }, 0, padded: true, toZero: true);
        var (lo, hi) = r.Compute(400);
        Assert.Equal(0, lo);
        Assert.Equal(20 / 0.95, hi, 6);
    }
}
