using Notifications.Fakes;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Webhooks;

/// <summary>The core against the class's Azurite, and all provider fakes on 127.0.0.1 (allowlisted by TestApp).</summary>
public abstract class WebhookTestBase(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    protected FakeProviders Fakes { get; private set; } = null!;
    protected TestApp App { get; private set; } = null!;
    protected AzuriteFixture Azurite => azurite;

    public async Task InitializeAsync()
    {
        Fakes = await FakeProviders.StartAsync();
        App = await TestApp.StartAsync(azurite.ConnectionString, null);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Fakes.DisposeAsync();
    }
}
