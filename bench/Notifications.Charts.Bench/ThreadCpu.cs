using System.Runtime.InteropServices;

/// <summary>CPU time of the calling thread (Linux clock_gettime), to separate render cost from waiting on a busy machine.</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clockId, out TimeSpec ts);

    public static double Milliseconds()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        return ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0 ? ts.Seconds * 1000.0 + ts.Nanoseconds / 1e6 : 0;
    }
}
