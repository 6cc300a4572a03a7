using System.Buffers.Binary;

namespace Notifications.Tests.Support;

public static class PngInfo
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static bool IsPng(byte[] data) => data.Length > 24 && data.AsSpan(0, 8).SequenceEqual(Signature);

    /// <summary>Width and height from the IHDR chunk.</summary>
    public static (int Width, int Height) Size(byte[] data) =>
        (BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(16, 4)), BinaryPrimitives.ReadInt32BigEndian(data.AsSpan(20, 4)));
}
