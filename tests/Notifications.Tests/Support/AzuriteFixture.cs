namespace Notifications.Tests.Support;

/// <summary>
/// A private in-memory Azurite per test class, on free ports, so classes running in parallel never see each other's
/// queues. Installed by scripts/test.sh (npm ci); a plain `dotnet test` works once node_modules exists.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private const string DevAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private ExternalProcess? _process;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var azurite = Path.Combine(RepoPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
            throw new InvalidOperationException("Azurite is not installed: run scripts/test.sh (or `npm ci`) first.");
        int blob = ExternalProcess.FreePort(), queue = ExternalProcess.FreePort(), table = ExternalProcess.FreePort();
        _process = ExternalProcess.Start(azurite,
        [
            "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--silent",
            "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
        ], RepoPaths.Root);
        foreach (var port in new[] { blob, queue, table }) await _process.WaitForPortAsync(port, TimeSpan.FromSeconds(30));
        ConnectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + DevAccountKey +
            $";BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1" +
            $";TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    public async Task DisposeAsync()
    {
        if (_process is not null) await _process.DisposeAsync();
    }
}
