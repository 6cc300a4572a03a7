namespace ChartScore;

/// <summary>The image operations of the reference scorer (PIL's GaussianBlur, BOX resize, BILINEAR resize).</summary>
public static class ImageOps
{
    /// <summary>PIL GaussianBlur(radius=sigma): three passes of an extended box blur per axis, 8-bit between passes.</summary>
    public static Raster GaussianBlur(Raster src, double sigma)
    {
        const int passes = 3;
        double sigma2 = sigma * sigma / passes;
        double big = Math.Sqrt(12 * sigma2 + 1);
        int l = (int)Math.Floor((big - 1) / 2);
        double a = (2 * l + 1) * (l * (l + 1) - 3 * sigma2) / (6 * (sigma2 - (l + 1) * (l + 1)));
        double radius = l + a;
        var cur = src;
        for (int p = 0; p < passes; p++) cur = BoxBlur(cur, radius, horizontal: true);
        for (int p = 0; p < passes; p++) cur = BoxBlur(cur, radius, horizontal: false);
        return cur;
    }

    private static Raster BoxBlur(Raster src, double radius, bool horizontal)
    {
        int w = src.Width, h = src.Height, ch = src.Channels;
        var dst = new Raster(w, h, ch);
        int ri = (int)Math.Floor(radius);
        double frac = radius - ri;
        double norm = 1.0 / (radius * 2 + 1);
        int lineLen = horizontal ? w : h, lines = horizontal ? h : w;
        int pad = ri + 1;
        // The line with its edge pixels repeated (PIL's edge handling), and its prefix sums.
        var ext = new double[lineLen + 2 * pad];
        var prefix = new double[ext.Length + 1];
        int step = horizontal ? ch : w * ch;
        for (int ln = 0; ln < lines; ln++)
        {
            for (int c = 0; c < ch; c++)
            {
                int baseIdx = horizontal ? ln * w * ch + c : ln * ch + c;
                for (int i = 0; i < ext.Length; i++)
                    ext[i] = src.Data[baseIdx + Math.Clamp(i - pad, 0, lineLen - 1) * step];
                prefix[0] = 0;
                for (int i = 0; i < ext.Length; i++) prefix[i + 1] = prefix[i] + ext[i];
                for (int i = 0; i < lineLen; i++)
                {
                    int e = i + pad;
                    double sum = prefix[e + ri + 1] - prefix[e - ri] + frac * (ext[e - ri - 1] + ext[e + ri + 1]);
                    dst.Data[baseIdx + i * step] = Math.Clamp(Math.Round(sum * norm), 0, 255);
                }
            }
        }
        return dst;
    }

    /// <summary>PIL resize with the BOX filter: each output pixel averages the source pixels whose centres fall in its box.</summary>
    public static Raster BoxResize(Raster src, int nw, int nh)
    {
        var tmp = ResampleAxis(src, nw, horizontal: true, box: true);
        return ResampleAxis(tmp, nh, horizontal: false, box: true);
    }

    /// <summary>PIL resize with the BILINEAR (triangle) filter, used only when sizes differ.</summary>
    public static Raster BilinearResize(Raster src, int nw, int nh)
    {
        var tmp = ResampleAxis(src, nw, horizontal: true, box: false);
        return ResampleAxis(tmp, nh, horizontal: false, box: false);
    }

    private static Raster ResampleAxis(Raster src, int outLen, bool horizontal, bool box)
    {
        int w = src.Width, h = src.Height, ch = src.Channels;
        int inLen = horizontal ? w : h;
        if (inLen == outLen) return src;
        var dst = horizontal ? new Raster(outLen, h, ch) : new Raster(w, outLen, ch);
        double scale = (double)inLen / outLen;
        double filterScale = Math.Max(scale, 1);
        double support = (box ? 0.5 : 1.0) * filterScale;
        var weights = new List<(int Start, double[] W)>(outLen);
        for (int o = 0; o < outLen; o++)
        {
            double center = (o + 0.5) * scale;
            int xmin = Math.Max((int)(center - support + 0.5), 0);
            int xmax = Math.Min((int)(center + support + 0.5), inLen);
            var ws = new double[Math.Max(xmax - xmin, 0)];
            double total = 0;
            for (int x = 0; x < ws.Length; x++)
            {
                double t = (x + xmin - center + 0.5) / filterScale;
                double wv = box ? (t >= -0.5 && t < 0.5 ? 1 : 0) : Math.Max(0, 1 - Math.Abs(t));
                ws[x] = wv;
                total += wv;
            }
            if (total > 0) for (int x = 0; x < ws.Length; x++) ws[x] /= total;
            weights.Add((xmin, ws));
        }
        int lines = horizontal ? h : w;
        for (int ln = 0; ln < lines; ln++)
        {
            for (int o = 0; o < outLen; o++)
            {
                var (start, ws) = weights[o];
                for (int c = 0; c < ch; c++)
                {
                    double sum = 0;
                    for (int k = 0; k < ws.Length; k++)
                    {
                        int i = start + k;
                        int x = horizontal ? i : ln, y = horizontal ? ln : i;
                        sum += ws[k] * src.Data[(y * w + x) * ch + c];
                    }
                    int ox = horizontal ? o : ln, oy = horizontal ? ln : o;
                    dst.Data[(oy * dst.Width + ox) * ch + c] = Math.Clamp(Math.Round(sum), 0, 255);
                }
            }
        }
        return dst;
    }
}
