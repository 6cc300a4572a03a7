namespace ChartScore;

/// <summary>The two fidelity scores against a plotly.js reference PNG (see docs/charts.md).</summary>
public static class Scorer
{
    /// <summary>s8: Gaussian blur (sigma 4 px), 8x box downscale, grayscale, SSIM. Tolerates small text offsets.</summary>
    public static double S8(Raster reference, Raster candidate)
    {
        candidate = Match(reference, candidate);
        const int k = 8;
        int w = reference.Width / k, h = reference.Height / k;
        var a = ImageOps.BoxResize(ImageOps.GaussianBlur(reference, k / 2.0), w, h).ToGray();
        var b = ImageOps.BoxResize(ImageOps.GaussianBlur(candidate, k / 2.0), w, h).ToGray();
        return Ssim.Compute(a, b);
    }

    /// <summary>full: plain grayscale SSIM at full resolution.</summary>
    public static double Full(Raster reference, Raster candidate)
    {
        candidate = Match(reference, candidate);
        return Ssim.Compute(reference.ToGray(), candidate.ToGray());
    }

    public static (double S8, double Full, bool SameSize) Score(byte[] referencePng, byte[] candidatePng)
    {
        var a = Raster.FromPng(referencePng);
        var b = Raster.FromPng(candidatePng);
        bool same = a.Width == b.Width && a.Height == b.Height;
        return (S8(a, b), Full(a, b), same);
    }

    private static Raster Match(Raster reference, Raster candidate) =>
        candidate.Width == reference.Width && candidate.Height == reference.Height
            ? candidate
            : ImageOps.BilinearResize(candidate, reference.Width, reference.Height);
}
