using System.Buffers.Binary;

namespace Notifications.Charts.Png;

/// <summary>
/// A small zlib/deflate compressor: greedy LZ77 (one hash candidate per position) with the fixed Huffman code.
/// It is written out here, rather than using the platform zlib, so the bytes never depend on the CPU's SIMD paths
/// or the zlib build: the same pixels give the same PNG on every machine. Chart rows compress well this way
/// (flat fills, repeated rows after the Up filter).
/// </summary>
internal static class Deflate
{
    private const int WindowSize = 32768;
    private const int MinMatch = 3;
    private const int MaxMatch = 258;
    private const int HashBits = 15;

    private static readonly int[] LengthBase = { 3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258 };
    private static readonly int[] LengthExtra = { 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0 };
    private static readonly int[] DistBase = { 1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577 };
    private static readonly int[] DistExtra = { 0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13 };

    // Fixed-code literal/length symbols, pre-reversed for the LSB-first bit stream: (bits, length).
    private static readonly (uint Bits, int Len)[] LitCodes = BuildLitCodes();
    private static readonly byte[] LengthSymbol = BuildLengthSymbols();

    /// <summary>Compresses <paramref name="data"/> into a zlib stream (header, one fixed-Huffman block, Adler-32).</summary>
    public static byte[] ZlibCompress(ReadOnlySpan<byte> data)
    {
        var w = new BitWriter(data.Length / 4 + 1024);
        w.WriteByte(0x78); // deflate, 32K window
        w.WriteByte(0x01); // no dictionary, fastest; (0x7801 % 31 == 0)
        w.Write(1, 1);     // BFINAL
        w.Write(1, 2);     // BTYPE = 01, fixed Huffman

        var head = new int[1 << HashBits];
        Array.Fill(head, -1);
        int n = data.Length;
        int i = 0;
        while (i < n)
        {
            int bestLen = 0, bestDist = 0;
            if (i + MinMatch <= n)
            {
                int h = Hash(data, i);
                int cand = head[h];
                head[h] = i;
                if (cand >= 0 && i - cand <= WindowSize)
                {
                    int max = Math.Min(MaxMatch, n - i);
                    // Vectorised compare: runs after the Up filter are long.
                    int len = data.Slice(cand, max).CommonPrefixLength(data.Slice(i, max));
                    if (len >= MinMatch)
                    {
                        bestLen = len;
                        bestDist = i - cand;
                    }
                }
            }
            if (bestLen >= MinMatch)
            {
                WriteMatch(w, bestLen, bestDist);
                // Index the skipped positions sparsely (every 8th, and the last few): enough for runs, cheap for long matches.
                int end = i + bestLen;
                int step = bestLen > 16 ? 8 : 1;
                for (int k = i + 1; k < end && k + MinMatch <= n; k += step) head[Hash(data, k)] = k;
                for (int k = Math.Max(i + 1, end - 3); k < end && k + MinMatch <= n; k++) head[Hash(data, k)] = k;
                i = end;
            }
            else
            {
                var (bits, len) = LitCodes[data[i]];
                w.Write(bits, len);
                i++;
            }
        }
        var (eb, el) = LitCodes[256];
        w.Write(eb, el);
        w.AlignToByte();
        uint adler = Adler32(data);
        Span<byte> tail = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(tail, adler);
        foreach (var b in tail) w.WriteByte(b);
        return w.ToArray();
    }

    private static int Hash(ReadOnlySpan<byte> d, int i) =>
        (int)(((uint)(d[i] << 16 | d[i + 1] << 8 | d[i + 2]) * 2654435761u) >> (32 - HashBits));

    private static void WriteMatch(BitWriter w, int length, int distance)
    {
        int li = LengthSymbol[length];
        var (bits, len) = LitCodes[257 + li];
        w.Write(bits, len);
        if (LengthExtra[li] > 0) w.Write((uint)(length - LengthBase[li]), LengthExtra[li]);
        int di = DistIndex(distance);
        w.Write(Reverse((uint)di, 5), 5);
        if (DistExtra[di] > 0) w.Write((uint)(distance - DistBase[di]), DistExtra[di]);
    }

    private static int DistIndex(int d)
    {
        int lo = 0, hi = DistBase.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi + 1) / 2;
            if (DistBase[mid] <= d) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private static byte[] BuildLengthSymbols()
    {
        var t = new byte[MaxMatch + 1];
        for (int len = MinMatch; len <= MaxMatch; len++)
        {
            int k = LengthBase.Length - 1;
            while (LengthBase[k] > len) k--;
            t[len] = (byte)k;
        }
        return t;
    }

    private static (uint, int)[] BuildLitCodes()
    {
        var t = new (uint, int)[288];
        for (int v = 0; v < 288; v++)
        {
            (uint code, int len) = v switch
            {
                < 144 => ((uint)(0x30 + v), 8),
                < 256 => ((uint)(0x190 + v - 144), 9),
                < 280 => ((uint)(v - 256), 7),
                _ => ((uint)(0xC0 + v - 280), 8),
            };
            t[v] = (Reverse(code, len), len);
        }
        return t;
    }

    private static uint Reverse(uint code, int len)
    {
        uint r = 0;
        for (int k = 0; k < len; k++) { r = (r << 1) | (code & 1); code >>= 1; }
        return r;
    }

    private static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint Mod = 65521;
        uint a = 1, b = 0;
        int i = 0;
        while (i < data.Length)
        {
            int chunk = Math.Min(5552, data.Length - i);
            for (int k = 0; k < chunk; k++) { a += data[i + k]; b += a; }
            a %= Mod;
            b %= Mod;
            i += chunk;
        }
        return (b << 16) | a;
    }

    /// <summary>LSB-first bit output, as deflate requires.</summary>
    private sealed class BitWriter
    {
        private byte[] _buf;
        private int _pos;
        private ulong _acc;
        private int _count;

        public BitWriter(int capacity) => _buf = new byte[Math.Max(capacity, 64)];

        public void Write(uint bits, int len)
        {
            _acc |= (ulong)bits << _count;
            _count += len;
            while (_count >= 8)
            {
                Put((byte)_acc);
                _acc >>= 8;
                _count -= 8;
            }
        }

        public void WriteByte(byte b)
        {
            AlignToByte();
            Put(b);
        }

        public void AlignToByte()
        {
            if (_count > 0)
            {
                Put((byte)_acc);
                _acc = 0;
                _count = 0;
            }
        }

        private void Put(byte b)
        {
            if (_pos == _buf.Length) Array.Resize(ref _buf, _buf.Length * 2);
            _buf[_pos++] = b;
        }

        public byte[] ToArray() => _buf.AsSpan(0, _pos).ToArray();
    }
}
