namespace Notifications.Tests.Support;

public static class RepoPaths
{
    /// <summary>The repository root: the first parent of the test assembly that holds Functions.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln"))) return dir.FullName;
        throw new InvalidOperationException("Functions.sln not found above the test assembly.");
    }
}
