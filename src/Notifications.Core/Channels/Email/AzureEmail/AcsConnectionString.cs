namespace Notifications.Channels.Email.AzureEmail;

/// <summary>"endpoint=https://…;accesskey=…". Parsing never echoes the string: it holds the key.</summary>
public sealed record AcsConnectionString(Uri Endpoint, byte[] AccessKey)
{
    public static AcsConnectionString? TryParse(string? value, out string? error)
    {
        error = null;
        var parts = (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2))
            .Where(kv => kv.Length == 2)
            .GroupBy(kv => kv[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        if (!parts.TryGetValue("endpoint", out var endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            error = "Expected endpoint=https://<resource>.communication.azure.com/;accesskey=<key>: the endpoint is missing or not a URL.";
            return null;
        }
        if (!parts.TryGetValue("accesskey", out var key) || key.Length == 0)
        {
            error = "Expected endpoint=https://<resource>.communication.azure.com/;accesskey=<key>: the access key is missing.";
            return null;
        }
        var bytes = new byte[key.Length];
        if (!Convert.TryFromBase64String(key, bytes, out var written))
        {
            error = "The access key is not base64: copy the whole connection string from the resource's Keys page.";
            return null;
        }
        return new AcsConnectionString(uri, bytes[..written]);
    }
}
