namespace Notifications.Charts.Tests.Support;

/// <summary>Small figure builders and PNG helpers for tests.</summary>
public static class Figures
{
    public const string Bar = """{"data":[{"type":"bar","x":["a","b","c"],"y":[1,3,2],"name":"sales"}],"layout":{"title":{"text":"Sales"}}}""";

    public const string Line = """{"data":[{"type":"scatter","mode":"lines+markers","x":[1,2,3,4],"y":[10,15,13,17]}],"layout":{}}""";

    public static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.Length > 24, "PNG too short");
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        int w = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        int h = (png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23];
        return (w, h);
    }

    /// <summary>Counts pixels that are not (near) white or the given background: "something was drawn".</summary>
    public static int InkPixels(byte[] png)
    {
        var r = ChartScore.Raster.FromPng(png);
        int ink = 0;
        for (int i = 0; i < r.Width * r.Height; i++)
            if (r.Data[i * 3] < 200 || r.Data[i * 3 + 1] < 200 || r.Data[i * 3 + 2] < 200) ink++;
        return ink;
    }

    /// <summary>RGB of one pixel.</summary>
    public static (int R, int G, int B) Pixel(byte[] png, int x, int y)
    {
        var r = ChartScore.Raster.FromPng(png);
        int i = (y * r.Width + x) * 3;
        return ((int)r.Data[i], (int)r.Data[i + 1], (int)r.Data[i + 2]);
    }
}
