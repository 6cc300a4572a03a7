using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace Notifications.Fakes;

/// <summary>What the email fakes need besides <see cref="FakeRequests"/>: large bodies, booleans, base64 sizes, address parts.</summary>
public static class FakeEmailRequests
{
    /// <summary>Reads the raw body, allowing bodies above Kestrel's 30 MB default so a fake can answer 413 itself.</summary>
    public static async Task<byte[]> ReadBodyAsync(HttpRequest request, long allowUpTo = 64L * 1024 * 1024)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = allowUpTo;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    public static JsonObject? ParseObject(byte[] body) => FakeRequests.ParseObject(System.Text.Encoding.UTF8.GetString(body));

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
