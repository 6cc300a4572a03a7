namespace ChartScore;

/// <summary>
/// SSIM as scikit-image computes it by default: 7x7 uniform window, sample covariance,
/// K1 = 0.01, K2 = 0.03, data range 255, mean over the image minus a 3 px border.
/// </summary>
public static class Ssim
{
    public static double Compute(Raster a, Raster b)
    {
        if (a.Channels != 1 || b.Channels != 1) throw new ArgumentException("SSIM needs grayscale images");
        if (a.Width != b.Width || a.Height != b.Height) throw new ArgumentException("SSIM needs images of the same size");
        const int win = 7, pad = 3;
        int w = a.Width, h = a.Height;
        if (w < win || h < win) return a.Data.SequenceEqual(b.Data) ? 1 : 0;
        const double np = win * win;
        const double covNorm = np / (np - 1);
        const double c1 = (0.01 * 255) * (0.01 * 255), c2 = (0.03 * 255) * (0.03 * 255);

        // Integral images of x, y, x^2, y^2, xy for O(1) window sums.
        int iw = w + 1;
        var sx = new double[iw * (h + 1)];
        var sy = new double[sx.Length];
        var sxx = new double[sx.Length];
        var syy = new double[sx.Length];
        var sxy = new double[sx.Length];
        for (int y = 0; y < h; y++)
        {
            double rx = 0, ry = 0, rxx = 0, ryy = 0, rxy = 0;
            for (int x = 0; x < w; x++)
            {
                double va = a.Data[y * w + x], vb = b.Data[y * w + x];
                rx += va; ry += vb; rxx += va * va; ryy += vb * vb; rxy += va * vb;
                int i = (y + 1) * iw + x + 1, up = y * iw + x + 1;
                sx[i] = sx[up] + rx; sy[i] = sy[up] + ry; sxx[i] = sxx[up] + rxx; syy[i] = syy[up] + ryy; sxy[i] = sxy[up] + rxy;
            }
        }
        double Box(double[] s, int x0, int y0) =>
            s[(y0 + win) * iw + x0 + win] - s[y0 * iw + x0 + win] - s[(y0 + win) * iw + x0] + s[y0 * iw + x0];

        double total = 0;
        long count = 0;
        for (int cy = pad; cy < h - pad; cy++)
        {
            for (int cx = pad; cx < w - pad; cx++)
            {
                int x0 = cx - pad, y0 = cy - pad;
                double ux = Box(sx, x0, y0) / np, uy = Box(sy, x0, y0) / np;
                double uxx = Box(sxx, x0, y0) / np, uyy = Box(syy, x0, y0) / np, uxy = Box(sxy, x0, y0) / np;
                double vx = covNorm * (uxx - ux * ux), vy = covNorm * (uyy - uy * uy), vxy = covNorm * (uxy - ux * uy);
                double s = ((2 * ux * uy + c1) * (2 * vxy + c2)) / ((ux * ux + uy * uy + c1) * (vx + vy + c2));
                total += s;
                count++;
            }
        }
        return count > 0 ? total / count : 1;
    }
}
