using System.Buffers.Binary;
using System.Text.Json;

namespace Notifications.Charts.Parsing;

/// <summary>
/// Decodes plotly.py 6's typed-array form {"dtype": "f8", "bdata": "&lt;base64&gt;", "shape": "r, c"}.
/// Every dtype plotly.js accepts is supported: i1 u1 u1c i2 u2 i4 u4 f4 f8 (little-endian, optional '&lt;' or '|' prefix;
/// '&gt;' means big-endian).
/// </summary>
internal static class TypedArray
{
    public static double[] Decode(JsonElement obj, string name)
    {
        var dtypeRaw = obj.TryGetProperty("dtype", out var dt) && dt.ValueKind == JsonValueKind.String ? dt.GetString() ?? "" : "";
        var b64 = obj.TryGetProperty("bdata", out var bd) && bd.ValueKind == JsonValueKind.String ? bd.GetString() ?? "" : null;
        if (b64 is null) throw new ChartRenderException($"'{name}' typed array has no 'bdata' string");

        bool bigEndian = dtypeRaw.StartsWith('>');
        var dtype = dtypeRaw.TrimStart('<', '>', '|', '=');
        int size = dtype switch
        {
            "i1" or "u1" or "u1c" or "int8" or "uint8" or "uint8c" => 1,
            "i2" or "u2" or "int16" or "uint16" => 2,
            "i4" or "u4" or "f4" or "int32" or "uint32" or "float32" => 4,
            "f8" or "float64" => 8,
            _ => throw new ChartRenderException($"'{name}' has unsupported typed-array dtype '{dtypeRaw}'"),
        };

        byte[] bytes;
        try { bytes = Convert.FromBase64String(b64); }
        catch (FormatException) { throw new ChartRenderException($"'{name}' typed array 'bdata' is not valid base64"); }

        int n = bytes.Length / size;
        var result = new double[n];
        var span = bytes.AsSpan();
        for (int i = 0; i < n; i++)
        {
            var s = span.Slice(i * size, size);
            result[i] = dtype switch
            {
                "i1" or "int8" => (sbyte)s[0],
                "u1" or "u1c" or "uint8" or "uint8c" => s[0],
                "i2" or "int16" => bigEndian ? BinaryPrimitives.ReadInt16BigEndian(s) : BinaryPrimitives.ReadInt16LittleEndian(s),
                "u2" or "uint16" => bigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s) : BinaryPrimitives.ReadUInt16LittleEndian(s),
                "i4" or "int32" => bigEndian ? BinaryPrimitives.ReadInt32BigEndian(s) : BinaryPrimitives.ReadInt32LittleEndian(s),
                "u4" or "uint32" => bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s) : BinaryPrimitives.ReadUInt32LittleEndian(s),
                "f4" or "float32" => bigEndian ? BinaryPrimitives.ReadSingleBigEndian(s) : BinaryPrimitives.ReadSingleLittleEndian(s),
                _ => bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(s) : BinaryPrimitives.ReadDoubleLittleEndian(s),
            };
            if (!double.IsFinite(result[i])) result[i] = double.NaN;
        }
        return result;
    }
}
