using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace Notifications.Fakes;

/// <summary>Small helpers the email fakes share: reading a bounded JSON body and picking typed values out of it.</summary>
public static class FakeJson
{
    /// <summary>Reads the raw body, allowing bodies above Kestrel's 30 MB default so a fake can answer 413 itself.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, long allowUpTo = 64L * 1024 * 1024)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = allowUpTo;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public static JsonObject? ParseObject(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? Str(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    public static bool? Bool(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : null;

    /// <summary>Decoded length of strict base64 (no whitespace), or null when it is not base64.</summary>
    public static int? Base64Length(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length % 4 != 0) return null;
        var bytes = new byte[value.Length / 4 * 3];
        return Convert.TryFromBase64String(value, bytes, out var written) ? written : null;
    }

    public static string LocalPart(string address) => address[..Math.Max(0, address.IndexOf('@'))];

    public static string Domain(string address) => address[(address.IndexOf('@') + 1)..];
}
