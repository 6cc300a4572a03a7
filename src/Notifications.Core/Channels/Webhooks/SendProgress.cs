using System.Security.Cryptography;
using System.Text;
using Azure;
using Notifications.Storage;

namespace Notifications.Channels.Webhooks;

/// <summary>
/// How many parts of a split message a provider already accepted, so a retry resumes after them instead of posting
/// part 1 again. Kept as a tiny blob next to the run's result ("send-progress/{runId}/{key}"), so it survives the
/// Functions instance that failed. The key hashes the destination and the exact parts: a message rendered differently
/// starts over.
/// </summary>
public sealed class SendProgress(NotificationStorage storage)
{
    public static string Key(string runId, string destination, IEnumerable<string> parts)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(destination + "\n" + string.Join("\n\u0001", parts)));
        return $"send-progress/{runId}/{Convert.ToHexStringLower(hash)[..32]}";
    }

    public async Task<int> DoneAsync(string key, CancellationToken ct)
    {
        try
        {
            var content = await storage.Results.GetBlobClient(key).DownloadContentAsync(ct);
            return int.TryParse(content.Value.Content.ToString(), out var done) ? done : 0;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return 0;
        }
    }

    public Task RecordAsync(string key, int done, CancellationToken ct) =>
        storage.Results.GetBlobClient(key).UploadAsync(BinaryData.FromString(done.ToString(System.Globalization.CultureInfo.InvariantCulture)), overwrite: true, ct);
}
