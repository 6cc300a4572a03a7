using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Notifications.Storage;

namespace Notifications.Functions;

/// <summary>
/// Creates the tables, queues and containers when "CreateStorageIfMissing" is true (local runs on Azurite).
/// In Azure the Bicep template creates them and the identity has data-plane roles only, so this stays off.
/// </summary>
public sealed class StorageInitializer(NotificationStorage storage, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken ct) =>
        configuration.GetValue<bool>("CreateStorageIfMissing") ? storage.EnsureCreatedAsync(ct) : Task.CompletedTask;

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
