using System.Text.Json;
using Notifications.Charts.Tests.Support;

namespace Notifications.Charts.Tests.Fidelity;

/// <summary>
/// Every reference figure in ../shared is rendered and compared with plotly.js's own PNG.
/// Each must stay at or above the s8 floor recorded in floors.json (its score when recorded, minus 0.01).
/// </summary>
public sealed class FidelityTests : IClassFixture<FidelityScores>
{
    private readonly FidelityScores _scores;

    public FidelityTests(FidelityScores scores) => _scores = scores;

    private static Dictionary<string, double> Floors()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fidelity", "floors.json");
        return JsonSerializer.Deserialize<Dictionary<string, double>>(File.ReadAllText(path))!;
    }

    public static TheoryData<string> FigureKeys()
    {
        var data = new TheoryData<string>();
        foreach (var f in SharedFigures.All()) data.Add(f.Folder + "/" + f.Name);
        return data;
    }

    [Fact]
    public void Reference_folders_hold_all_fifty_figures()
    {
        var all = SharedFigures.All().ToList();
        Assert.Equal(40, all.Count(f => f.Folder == "plotly-mocks"));
        Assert.Equal(10, all.Count(f => f.Folder == "report-figures"));
    }

    [Fact]
    public void Every_figure_has_a_recorded_floor()
    {
        var floors = Floors();
        foreach (var f in SharedFigures.All())
            Assert.True(floors.ContainsKey(f.Folder + "/" + f.Name), $"no floor recorded for {f.Folder}/{f.Name}");
    }

    [Theory]
    [MemberData(nameof(FigureKeys))]
    public void Figure_stays_above_its_floor(string key)
    {
        var floor = Floors()[key];
        var (s8, full) = _scores.Scores[key];
        Assert.True(s8 >= floor, $"{key}: s8 {s8:F4} fell below its floor {floor:F4} (full {full:F4})");
    }

    [Fact]
    public void Mean_s8_meets_the_goal_and_no_figure_is_under_085()
    {
        var s = _scores.Scores.Values.Select(v => v.S8).ToList();
        Assert.Equal(50, s.Count);
        Assert.True(s.Average() >= 0.95, $"mean s8 {s.Average():F4} < 0.95");
        Assert.True(s.Min() >= 0.85, $"min s8 {s.Min():F4} < 0.85");
    }
}
