using System.Globalization;
using ChartScore;
using Notifications.Charts;

// ChartScore: render Plotly figures with Notifications.Charts and score them against plotly.js PNGs.
//   render FIGURE.json OUT.png [WIDTH HEIGHT]   render one figure (the reference image-size rule)
//   score REF_DIR OUT_DIR                       score OUT_DIR/NAME.png against REF_DIR/NAME.png
//   compare DIR [DIR...] [--out OUT_DIR] [--markdown FILE]
//                                               render every DIR/NAME.json and score it against DIR/NAME.png;
//                                               --markdown writes the per-figure table used in docs/charts.md
var inv = CultureInfo.InvariantCulture;
if (args.Length == 0) return Usage();
try
{
    switch (args[0])
    {
        case "render":
            {
                if (args.Length is not (3 or 5)) return Usage();
                int? w = args.Length == 5 ? int.Parse(args[3], inv) : null;
                int? h = args.Length == 5 ? int.Parse(args[4], inv) : null;
                var img = new PlotlyChartRenderer().Render(File.ReadAllText(args[1]), w, h);
                File.WriteAllBytes(args[2], img.Png);
                Console.WriteLine($"{args[2]}: {img.Width}x{img.Height}, {img.Png.Length} bytes");
                return 0;
            }
        case "score":
            {
                if (args.Length != 3) return Usage();
                var rows = new List<(string, double, double)>();
                int missing = 0;
                foreach (var refPng in Directory.GetFiles(args[1], "*.png").OrderBy(p => p, StringComparer.Ordinal))
                {
                    var name = Path.GetFileName(refPng);
                    var outPng = Path.Combine(args[2], name);
                    if (!File.Exists(outPng)) { Console.WriteLine($"{name}: MISSING"); missing++; continue; }
                    var (s8, full, same) = Scorer.Score(File.ReadAllBytes(refPng), File.ReadAllBytes(outPng));
                    rows.Add((name, s8, full));
                    Console.WriteLine(string.Format(inv, "{0}: s8={1:F4} full={2:F4}{3}", name, s8, full, same ? "" : " (size differs)"));
                }
                Summary(rows, missing);
                return 0;
            }
        case "compare":
            {
                string? outDir = null, markdown = null;
                var dirs = new List<string>();
                for (int i = 1; i < args.Length; i++)
                {
                    if (args[i] == "--out" && i + 1 < args.Length) outDir = args[++i];
                    else if (args[i] == "--markdown" && i + 1 < args.Length) markdown = args[++i];
                    else dirs.Add(args[i]);
                }
                var table = new System.Text.StringBuilder("| folder | figure | s8 | full |\n|---|---|---:|---:|\n");
                if (dirs.Count == 0) return Usage();
                if (outDir is not null) Directory.CreateDirectory(outDir);
                var renderer = new PlotlyChartRenderer();
                var rows = new List<(string, double, double)>();
                int missing = 0;
                foreach (var dir in dirs)
                {
                    foreach (var json in Directory.GetFiles(dir, "*.json").OrderBy(p => p, StringComparer.Ordinal))
                    {
                        var name = Path.GetFileNameWithoutExtension(json);
                        var refPng = Path.Combine(dir, name + ".png");
                        if (!File.Exists(refPng)) continue;
                        byte[] png;
                        try { png = renderer.Render(File.ReadAllText(json)).Png; }
                        catch (ChartRenderException ex) { Console.WriteLine($"{name}: ERROR {ex.Message}"); missing++; continue; }
                        if (outDir is not null) File.WriteAllBytes(Path.Combine(outDir, name + ".png"), png);
                        var (s8, full, same) = Scorer.Score(File.ReadAllBytes(refPng), png);
                        rows.Add((name, s8, full));
                        table.Append(string.Format(inv, "| {0} | `{1}` | {2:F4} | {3:F4} |\n", Path.GetFileName(Path.GetFullPath(dir).TrimEnd('/')), name, s8, full));
                        Console.WriteLine(string.Format(inv, "{0}: s8={1:F4} full={2:F4}{3}", name, s8, full, same ? "" : " (size differs)"));
                    }
                }
                Summary(rows, missing);
                if (markdown is not null) File.WriteAllText(markdown, table.ToString());
                return 0;
            }
        default:
            return Usage();
    }
}
catch (ChartRenderException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}
catch (IOException ex)
{
    Console.Error.WriteLine($"error: {ex.Message}");
    return 2;
}

static void Summary(List<(string Name, double S8, double Full)> rows, int missing)
{
    var inv = CultureInfo.InvariantCulture;
    double mean8 = rows.Count > 0 ? rows.Average(r => r.S8) : 0;
    double min8 = rows.Count > 0 ? rows.Min(r => r.S8) : 0;
    double meanF = rows.Count > 0 ? rows.Average(r => r.Full) : 0;
    Console.WriteLine(string.Format(inv, "mean_s8={0:F4} min_s8={1:F4} mean_full={2:F4} n={3} missing={4}", mean8, min8, meanF, rows.Count, missing));
}

static int Usage()
{
    Console.Error.WriteLine("usage: ChartScore render FIGURE.json OUT.png [WIDTH HEIGHT]");
    Console.Error.WriteLine("       ChartScore score REF_DIR OUT_DIR");
    Console.Error.WriteLine("       ChartScore compare DIR [DIR...] [--out OUT_DIR] [--markdown FILE]");
    return 64;
}
