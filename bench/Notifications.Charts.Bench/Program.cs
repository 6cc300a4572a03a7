using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Notifications.Charts;

// Times the in-process render of each figure to PNG bytes (PNG encoding included): p50 and p95,
// peak memory, and memory growth over 1,000 renders. Prints a table, then one JSON line.
// Usage: Notifications.Charts.Bench [--iters N] [--renders N] DIR_OR_FILE...
var inv = CultureInfo.InvariantCulture;
int iters = 100, renders = 1000;
var inputs = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--iters") iters = int.Parse(args[++i], inv);
    else if (args[i] == "--renders") renders = int.Parse(args[++i], inv);
    else inputs.Add(args[i]);
}
var files = inputs.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*.json").OrderBy(f => f, StringComparer.Ordinal).ToArray() : new[] { p }).ToList();
if (files.Count == 0)
{
    Console.Error.WriteLine("usage: Notifications.Charts.Bench [--iters N] [--renders N] DIR_OR_FILE...");
    return 64;
}
var figures = files.Select(f => (Name: Path.GetFileNameWithoutExtension(f), Json: File.ReadAllText(f))).ToList();
var renderer = new PlotlyChartRenderer();

// Warm-up: JIT, font load, Skia init.
for (int w = 0; w < 3; w++) foreach (var f in figures) renderer.Render(f.Json);

var all = new List<double>();
var allCpu = new List<double>();
Console.WriteLine($"{"figure",-40} {"p50 ms",8} {"p95 ms",8} {"cpu p50",8} {"png KB",8} {"size",10}");
foreach (var f in figures)
{
    var times = new double[iters];
    var cpu = new double[iters];
    ChartImage? last = null;
    for (int i = 0; i < iters; i++)
    {
        double c0 = ThreadCpu.Milliseconds();
        long t0 = Stopwatch.GetTimestamp();
        last = renderer.Render(f.Json);
        times[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        cpu[i] = ThreadCpu.Milliseconds() - c0;
    }
    all.AddRange(times);
    allCpu.AddRange(cpu);
    Console.WriteLine(string.Format(inv, "{0,-40} {1,8:F2} {2,8:F2} {3,8:F2} {4,8:F1} {5,10}", f.Name, Pct(times, 50), Pct(times, 95), Pct(cpu, 50), last!.Png.Length / 1024.0, $"{last.Width}x{last.Height}"));
}

// Memory over many renders: managed heap and working set must stay flat.
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
long heapStart = 0, wsStart = 0;
for (int i = 0; i < renders; i++)
{
    renderer.Render(figures[i % figures.Count].Json);
    if (i == renders / 10)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        heapStart = GC.GetTotalMemory(true);
        wsStart = Environment.WorkingSet;
    }
}
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
long heapEnd = GC.GetTotalMemory(true);
long wsEnd = Environment.WorkingSet;
double peakMb = PeakRssMb();

double p50 = Pct(all, 50), p95 = Pct(all, 95);
double cpu50 = allCpu.Count > 0 && allCpu.Any(c => c > 0) ? Pct(allCpu, 50) : double.NaN;
Console.WriteLine(string.Format(inv, "ALL {0} figures x {1}: p50={2:F2} ms p95={3:F2} ms (thread CPU p50={4:F2} ms; wall time includes waiting for a core on a busy machine)", figures.Count, iters, p50, p95, cpu50));
Console.WriteLine(string.Format(inv, "memory over {0} renders: heap {1:F1} -> {2:F1} MB, working set {3:F1} -> {4:F1} MB, peak RSS {5:F1} MB",
    renders, heapStart / 1048576.0, heapEnd / 1048576.0, wsStart / 1048576.0, wsEnd / 1048576.0, peakMb));
Console.WriteLine(JsonSerializer.Serialize(new
{
    figures = figures.Count,
    iters,
    p50_ms = Math.Round(p50, 3),
    p95_ms = Math.Round(p95, 3),
    cpu_p50_ms = double.IsNaN(cpu50) ? (double?)null : Math.Round(cpu50, 3),
    peak_rss_mb = Math.Round(peakMb, 1),
    heap_start_mb = Math.Round(heapStart / 1048576.0, 2),
    heap_end_mb = Math.Round(heapEnd / 1048576.0, 2),
    ws_start_mb = Math.Round(wsStart / 1048576.0, 1),
    ws_end_mb = Math.Round(wsEnd / 1048576.0, 1),
    renders,
}));
return 0;

static double Pct(IEnumerable<double> values, double p)
{
    var s = values.OrderBy(v => v).ToArray();
    return s[Math.Min(s.Length - 1, (int)Math.Floor(p / 100 * s.Length))];
}

// VmHWM is the process's peak resident set (Linux); fall back to the current working set elsewhere.
static double PeakRssMb()
{
    try
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return double.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024;
    }
    catch (IOException) { }
    return Environment.WorkingSet / 1048576.0;
}
