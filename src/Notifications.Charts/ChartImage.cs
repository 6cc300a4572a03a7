namespace Notifications.Charts;

/// <summary>A rendered chart: PNG bytes, pixel size and the figure title (if any).</summary>
public sealed record ChartImage(byte[] Png, int Width, int Height, string? Title);
