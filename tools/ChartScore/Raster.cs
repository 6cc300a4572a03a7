using SkiaSharp;

namespace ChartScore;

/// <summary>An RGB image in doubles (0..255), already composited over white.</summary>
public sealed class Raster
{
    public Raster(int width, int height, int channels)
    {
        Width = width;
        Height = height;
        Channels = channels;
        Data = new double[width * height * channels];
    }

    public int Width { get; }

    public int Height { get; }

    public int Channels { get; }

    public double[] Data { get; }

    /// <summary>Decodes a PNG and composites it over white, as the reference scorer does.</summary>
    public static Raster FromPng(byte[] png)
    {
        using var stream = new SKMemoryStream(png);
        using var codec = SKCodec.Create(stream) ?? throw new InvalidDataException("not a decodable image");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var buf = new byte[info.BytesSize];
        var handle = System.Runtime.InteropServices.GCHandle.Alloc(buf, System.Runtime.InteropServices.GCHandleType.Pinned);
        try
        {
            var result = codec.GetPixels(info, handle.AddrOfPinnedObject());
            if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
                throw new InvalidDataException($"could not decode image: {result}");
        }
        finally
        {
            handle.Free();
        }
        var r = new Raster(info.Width, info.Height, 3);
        for (int i = 0, n = info.Width * info.Height; i < n; i++)
        {
            int a = buf[i * 4 + 3];
            for (int c = 0; c < 3; c++)
            {
                int v = buf[i * 4 + c];
                // PIL alpha_composite over opaque white, rounded to 8 bits.
                r.Data[i * 3 + c] = Math.Round((v * a + 255.0 * (255 - a)) / 255);
            }
        }
        return r;
    }

    /// <summary>PIL's "L" conversion: ITU-R 601-2 luma with PIL's fixed-point rounding.</summary>
    public Raster ToGray()
    {
        if (Channels == 1) return this;
        var g = new Raster(Width, Height, 1);
        for (int i = 0, n = Width * Height; i < n; i++)
        {
            int rr = (int)Data[i * 3], gg = (int)Data[i * 3 + 1], bb = (int)Data[i * 3 + 2];
            g.Data[i] = (rr * 19595 + gg * 38470 + bb * 7471 + 0x8000) >> 16;
        }
        return g;
    }
}
