using Notifications.Channels.Email;

namespace Notifications.Tests.Channels.Email;

/// <summary>The one helper every provider uses to fit charts under its limit.</summary>
public sealed class ChartBudgetTests
{
    private static readonly Notifications.Messages.ChartAttachment[] Charts = [EmailTestData.Chart(1, 100), EmailTestData.Chart(2, 100), EmailTestData.Chart(3, 100)];

    private static (string Request, int Dropped) Fit(long max) =>
        ChartBudget.Fit(Charts, max, (kept, dropped) => $"{string.Join(",", kept.Select(c => c.Index))}|{dropped}", r => 100 + 100L * (r.Split('|')[0].Length + 1) / 2);

    [Theory]
    [InlineData(400, "1,2,3|0", 0)] // 100 + 3 x 100 fits exactly
    [InlineData(399, "1,2|1", 1)] // the last chart goes first
    [InlineData(200, "1|2", 2)]
    [InlineData(50, "|3", 3)] // no chart fits: the text is still sent
    public void Drops_charts_from_the_last_one_until_the_request_fits(long max, string expected, int dropped)
    {
        var (request, count) = Fit(max);

        Assert.Equal(expected, request);
        Assert.Equal(dropped, count);
    }
}
