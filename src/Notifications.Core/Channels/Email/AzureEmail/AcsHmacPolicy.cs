using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Notifications.Channels.Email.AzureEmail;

/// <summary>
/// ACS HMAC-SHA256 request signing. Registered per retry, so every attempt is signed again with its own x-ms-date
/// (the service rejects stale dates).
/// </summary>
public sealed class AcsHmacPolicy(byte[] accessKey, TimeProvider time) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        using var body = new MemoryStream();
        request.Content?.WriteTo(body, message.CancellationToken);
        var contentHash = Convert.ToBase64String(SHA256.HashData(body.ToArray()));
        var date = time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture);
        var uri = request.Uri.ToUri();
        var signature = Sign(accessKey, request.Method.Method, uri.PathAndQuery, date, uri.Authority, contentHash);
        request.Headers.SetValue("x-ms-date", date);
        request.Headers.SetValue("x-ms-content-sha256", contentHash);
        request.Headers.SetValue("Authorization", $"HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature={signature}");
    }

    /// <summary>The string to sign is "VERB\npath?query\ndate;host;content-hash".</summary>
    public static string Sign(byte[] key, string method, string pathAndQuery, string date, string host, string contentHash) =>
        Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{method}\n{pathAndQuery}\n{date};{host};{contentHash}")));
}
