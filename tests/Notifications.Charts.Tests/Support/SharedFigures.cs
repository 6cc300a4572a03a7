namespace Notifications.Charts.Tests.Support;

/// <summary>Locates ../shared (the plotly.js reference figures) from the repository root.</summary>
public static class SharedFigures
{
    public static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Functions.sln")) || Directory.Exists(Path.Combine(dir.FullName, ".git")) || File.Exists(Path.Combine(dir.FullName, ".git")))
                return dir.FullName;
            dir = dir.Parent;
        }
        throw new DirectoryNotFoundException("could not find the repository root (Functions.sln or .git) above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// NOTIFICATIONS_SHARED_DIR when set; else the "shared" folder beside the repository; else, for a clone of a local
    /// checkout (git clone . /tmp/fresh), the one beside the checkout it was cloned from.
    /// </summary>
    public static string SharedDir => Path.GetFullPath(
        Environment.GetEnvironmentVariable("NOTIFICATIONS_SHARED_DIR") is { Length: > 0 } configured
            ? configured
            : new[] { RepoRoot(), LocalOrigin() }
                .OfType<string>()
                .Select(root => Path.Combine(root, "..", "shared"))
                .FirstOrDefault(Directory.Exists) ?? Path.Combine(RepoRoot(), "..", "shared"));

    private static string? LocalOrigin()
    {
        var config = Path.Combine(RepoRoot(), ".git", "config");
        if (!File.Exists(config)) return null;
        var url = File.ReadLines(config).Select(l => l.Trim())
            .FirstOrDefault(l => l.StartsWith("url = ", StringComparison.Ordinal))?["url = ".Length..];
        return url is not null && Path.IsPathRooted(url) && Directory.Exists(url) ? url : null;
    }

    public static string MocksDir => Path.Combine(SharedDir, "plotly-mocks");

    public static string ReportDir => Path.Combine(SharedDir, "report-figures");

    /// <summary>Every NAME.json with a NAME.png beside it, as (folder key, name).</summary>
    public static IEnumerable<(string Folder, string Name, string Dir)> All()
    {
        foreach (var (key, dir) in new[] { ("plotly-mocks", MocksDir), ("report-figures", ReportDir) })
        {
            if (!Directory.Exists(dir))
                throw new DirectoryNotFoundException(
                    $"The reference figures are missing: {dir}. Put the shared folder beside the repository or set NOTIFICATIONS_SHARED_DIR.");
            foreach (var json in Directory.GetFiles(dir, "*.json").OrderBy(p => p, StringComparer.Ordinal))
            {
                var name = Path.GetFileNameWithoutExtension(json);
                if (File.Exists(Path.Combine(dir, name + ".png"))) yield return (key, name, dir);
            }
        }
    }
}
