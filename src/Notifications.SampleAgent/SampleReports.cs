using System.Reflection;
using System.Text;

namespace Notifications.SampleAgent;

public sealed record SampleAnswer(string? Markdown, string? Failure = null);

/// <summary>
/// Canned answers with real figures. "echo:" answers the rest of the prompt verbatim, so anyone can try a given
/// answer end to end; "fail:" answers with an error, to exercise FailureOnly notifications.
/// </summary>
public sealed class SampleReports
{
    private readonly Dictionary<string, string> _figures = LoadFigures();

    public SampleAnswer Answer(string prompt)
    {
        var trimmed = prompt.TrimStart();
        if (trimmed.StartsWith("echo:", StringComparison.OrdinalIgnoreCase)) return new SampleAnswer(trimmed[5..].TrimStart(' '));
        if (trimmed.StartsWith("fail:", StringComparison.OrdinalIgnoreCase)) return new SampleAnswer(null, trimmed[5..].Trim());
        var p = prompt.ToLowerInvariant();
        if (p.Contains("product")) return new SampleAnswer(ProductReport());
        if (p.Contains("user") || p.Contains("signup")) return new SampleAnswer(UsersReport());
        return new SampleAnswer(RevenueReport());
    }

    private string RevenueReport() => new StringBuilder()
        .AppendLine("## Monthly revenue")
        .AppendLine()
        .AppendLine("Revenue reached **$300k** in December, the best month of the year (+8.7% on November).")
        .AppendLine()
        .AppendLine("| Quarter | Revenue | Change |")
        .AppendLine("|---|---:|---:|")
        .AppendLine("| Q1 | $585k | — |")
        .AppendLine("| Q2 | $672k | +14.9% |")
        .AppendLine("| Q3 | $731k | +8.8% |")
        .AppendLine("| Q4 | $846k | +15.7% |")
        .AppendLine()
        .Append(Chart("01_monthly_revenue_bar"))
        .AppendLine("Daily active users kept pace with revenue:")
        .AppendLine()
        .Append(Chart("02_daily_active_users_line"))
        .AppendLine("- Strongest region: **North**")
        .AppendLine("- Watch: churn in the *Starter* plan")
        .ToString();

    private string UsersReport() => new StringBuilder()
        .AppendLine("## Weekly signups")
        .AppendLine()
        .AppendLine("Organic signups grew every week; paid search flattened after W08.")
        .AppendLine()
        .Append(Chart("10_weekly_signups_by_channel"))
        .Append(Chart("02_daily_active_users_line"))
        .ToString();

    private string ProductReport() => new StringBuilder()
        .AppendLine("## Product mix")
        .AppendLine()
        .Append(Chart("06_top_products_horizontal_bar"))
        .Append(Chart("08_quarterly_revenue_stacked_bar"))
        .ToString();

    private string Chart(string name) => $"```plotly\n{_figures[name].Trim()}\n```\n\n";

    private static Dictionary<string, string> LoadFigures()
    {
        var assembly = Assembly.GetExecutingAssembly();
        var figures = new Dictionary<string, string>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("SampleData/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            figures[Path.GetFileNameWithoutExtension(resource["SampleData/".Length..])] = reader.ReadToEnd();
        }
        return figures;
    }
}
