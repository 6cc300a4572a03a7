using Notifications.Charts.Png;
using SkiaSharp;

namespace Notifications.Charts.Tests.Rendering;

public sealed class PngTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Encoder_round_trips_pixels_exactly(bool alpha)
    {
        const int w = 37, h = 23;
        var rng = new Random(7);
        var px = new byte[w * h * 4];
        rng.NextBytes(px);
        if (!alpha) for (int i = 3; i < px.Length; i += 4) px[i] = 255;
        var png = PngEncoder.Encode(px, w, h, w * 4, alpha);

        using var codec = SKCodec.Create(new SKMemoryStream(png));
        Assert.NotNull(codec);
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bmp = new SKBitmap(info);
        Assert.Equal(SKCodecResult.Success, codec.GetPixels(info, bmp.GetPixels()));
        Assert.Equal(px, bmp.GetPixelSpan().ToArray());
    }

    [Fact]
    public void Deflate_output_inflates_back_to_the_input()
    {
        // Runs, repeats at many distances, and noise: literals, short and maximal matches.
        var rng = new Random(3);
        var data = new byte[200_000];
        for (int i = 0; i < data.Length; i++)
            data[i] = (i / 5000 % 3) switch { 0 => 0, 1 => (byte)(i % 7), _ => (byte)rng.Next(256) };
        var z = Deflate.ZlibCompress(data);
        Assert.True(z.Length < data.Length / 2, $"compressed to {z.Length}");
        using var inflate = new System.IO.Compression.ZLibStream(new MemoryStream(z), System.IO.Compression.CompressionMode.Decompress);
        var back = new MemoryStream();
        inflate.CopyTo(back);
        Assert.Equal(data, back.ToArray());
    }

    [Fact]
    public void Transparent_paper_gives_a_transparent_png()
    {
        var fig = """{"data":[{"type":"bar","x":["a","b"],"y":[2,3]}],"layout":{"paper_bgcolor":"rgba(0,0,0,0)","plot_bgcolor":"rgba(0,0,0,0)"}}""";
        var png = new PlotlyChartRenderer().Render(fig).Png;
        using var bmp = SKBitmap.Decode(png);
        Assert.Equal(0, bmp.GetPixel(2, 2).Alpha);
        Assert.Equal(255, bmp.GetPixel(215, 400).Alpha);
    }
}
