using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Notifications.Charts.Tests.Support;

/// <summary>
/// CPU time of the calling thread (Linux clock_gettime). Time budgets are asserted on CPU time, so a
/// busy CI machine (waiting for a core) does not fail them; elsewhere it falls back to wall time.
/// </summary>
public static partial class ThreadCpu
{
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec ts);

    public static double Measure(Action action)
    {
        if (OperatingSystem.IsLinux() && ClockGetTime(3, out var a) == 0)
        {
            action();
            ClockGetTime(3, out var b);
            return (b.Seconds - a.Seconds) * 1000.0 + (b.Nanoseconds - a.Nanoseconds) / 1e6;
        }
        var sw = Stopwatch.StartNew();
        action();
        return sw.Elapsed.TotalMilliseconds;
    }
}
