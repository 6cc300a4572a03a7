using System.Collections.Concurrent;
using ChartScore;
using Notifications.Charts.Tests.Support;

namespace Notifications.Charts.Tests.Fidelity;

/// <summary>Renders every reference figure once and scores it against plotly.js's PNG (shared by the fidelity tests).</summary>
public sealed class FidelityScores
{
    private readonly Lazy<IReadOnlyDictionary<string, (double S8, double Full)>> _scores;

    public FidelityScores()
    {
        _scores = new Lazy<IReadOnlyDictionary<string, (double, double)>>(Compute);
    }

    public IReadOnlyDictionary<string, (double S8, double Full)> Scores => _scores.Value;

    private static IReadOnlyDictionary<string, (double, double)> Compute()
    {
        var renderer = new PlotlyChartRenderer();
        var result = new ConcurrentDictionary<string, (double, double)>();
        var figures = SharedFigures.All().ToList();
        Parallel.ForEach(figures, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, f =>
        {
            var png = renderer.Render(File.ReadAllText(Path.Combine(f.Dir, f.Name + ".json"))).Png;
            var (s8, full, _) = Scorer.Score(File.ReadAllBytes(Path.Combine(f.Dir, f.Name + ".png")), png);
            result[f.Folder + "/" + f.Name] = (s8, full);
        });
        return result;
    }
}
