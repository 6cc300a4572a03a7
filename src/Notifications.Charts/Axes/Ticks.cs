namespace Notifications.Charts.Axes;

/// <summary>Tick positions (axis units) and their label text.</summary>
internal sealed record Ticks(double[] Values, string[] Labels)
{
    public static readonly Ticks None = new(Array.Empty<double>(), Array.Empty<string>());
}
