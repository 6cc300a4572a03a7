using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Sas;
using Notifications.Storage;

namespace Notifications.Runs;

/// <summary>
/// Full results and chart PNGs in Blob Storage (a queue message holds at most 64 KB, so messages carry ids only):
/// results/{runId}/result.md and charts/{runId}/chart-{n}.png.
/// </summary>
public sealed class ResultStore(NotificationStorage storage, TimeProvider time)
{
    /// <summary>Chart links must outlive the delivery retries; a user delegation SAS allows at most 7 days.</summary>
    private static readonly TimeSpan ChartLinkLifetime = TimeSpan.FromDays(7);

    public static string ResultBlobName(string runId) => $"{runId}/result.md";

    public static string ChartBlobName(string runId, int index) => $"{runId}/chart-{index}.png";

    public async Task SaveResultAsync(string runId, string markdown, CancellationToken ct)
    {
        var blob = storage.Results.GetBlobClient(ResultBlobName(runId));
        await blob.UploadAsync(BinaryData.FromString(markdown),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/markdown; charset=utf-8" } }, ct);
    }

    public async Task<string> LoadResultAsync(string blobName, CancellationToken ct)
    {
        var content = await storage.Results.GetBlobClient(blobName).DownloadContentAsync(ct);
        return content.Value.Content.ToString();
    }

    /// <summary>Uploads a chart and returns a read-only link to it (SAS), for webhooks that embed images by URL.</summary>
    public async Task<Uri> SaveChartAsync(string blobName, byte[] png, CancellationToken ct)
    {
        var blob = storage.Charts.GetBlobClient(blobName);
        await blob.UploadAsync(BinaryData.FromBytes(png),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "image/png", CacheControl = "public, max-age=604800" } }, ct);
        return await ReadLinkAsync(blob, ct);
    }

    public async Task<byte[]> LoadChartAsync(string blobName, CancellationToken ct)
    {
        var content = await storage.Charts.GetBlobClient(blobName).DownloadContentAsync(ct);
        return content.Value.Content.ToArray();
    }

    private async Task<Uri> ReadLinkAsync(BlobClient blob, CancellationToken ct)
    {
        var expires = time.GetUtcNow() + ChartLinkLifetime;
        if (blob.CanGenerateSasUri) return blob.GenerateSasUri(BlobSasPermissions.Read, expires);

        // Identity-based connection (no account key): sign with a user delegation key.
        var key = await storage.Blobs.GetUserDelegationKeyAsync(time.GetUtcNow().AddMinutes(-5), expires, ct);
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expires)
        {
            BlobContainerName = blob.BlobContainerName,
            BlobName = blob.Name,
            Resource = "b",
        };
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, storage.Blobs.AccountName) }.ToUri();
    }
}
