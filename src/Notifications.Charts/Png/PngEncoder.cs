using System.Buffers.Binary;

namespace Notifications.Charts.Png;

/// <summary>
/// A small PNG writer for chart pixels: 8-bit RGB (or RGBA when the paper is transparent), the Up filter on every row
/// (charts repeat rows: flat fills and vertical edges) and our own deterministic <see cref="Deflate"/>.
/// </summary>
internal static class PngEncoder
{
    private static readonly byte[] Signature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <param name="rgba">Unpremultiplied 4-byte pixels, row-major, <paramref name="stride"/> bytes per row.</param>
    /// <param name="bgra">True when the bytes are in B, G, R, A order.</param>
    public static byte[] Encode(ReadOnlySpan<byte> rgba, int width, int height, int stride, bool alpha, bool bgra = false)
    {
        int r = bgra ? 2 : 0, b = bgra ? 0 : 2;
        int channels = alpha ? 4 : 3;
        int rowLen = width * channels;
        var output = new MemoryStream(width * height / 4 + 1024);
        output.Write(Signature);

        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], height);
        ihdr[8] = 8;                       // bit depth
        ihdr[9] = (byte)(alpha ? 6 : 2);   // colour type: RGBA or RGB
        ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
        WriteChunk(output, "IHDR"u8, ihdr);

        // Filtered scanlines (a filter byte, then the row), compressed in one go.
        var raw = new byte[(rowLen + 1) * height];
        var prev = new byte[rowLen];
        var cur = new byte[rowLen];
        for (int y = 0; y < height; y++)
        {
            var src = rgba.Slice(y * stride, width * 4);
            if (alpha && !bgra) src.CopyTo(cur);
            else
            {
                for (int x = 0, o = 0; x < width; x++, o += channels)
                {
                    cur[o] = src[x * 4 + r];
                    cur[o + 1] = src[x * 4 + 1];
                    cur[o + 2] = src[x * 4 + b];
                    if (alpha) cur[o + 3] = src[x * 4 + 3];
                }
            }
            int off = y * (rowLen + 1);
            raw[off] = 2; // Up
            for (int i = 0; i < rowLen; i++) raw[off + 1 + i] = (byte)(cur[i] - prev[i]);
            (prev, cur) = (cur, prev);
        }
        var idat = Deflate.ZlibCompress(raw);
        WriteChunk(output, "IDAT"u8, idat);
        WriteChunk(output, "IEND"u8, ReadOnlySpan<byte>.Empty);
        return output.ToArray();
    }

    private static void WriteChunk(Stream s, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        s.Write(type);
        s.Write(data);
        uint crc = Crc(Crc(0xFFFFFFFFu, type), data) ^ 0xFFFFFFFFu;
        BinaryPrimitives.WriteUInt32BigEndian(len, crc);
        s.Write(len);
    }

    private static uint Crc(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var t = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }
}
