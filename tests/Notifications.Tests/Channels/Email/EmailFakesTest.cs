using Notifications.Fakes;
using Notifications.Tests.Support;

namespace Notifications.Tests.Channels.Email;

/// <summary>The provider fakes and the core on the class's Azurite, started per test.</summary>
public abstract class EmailFakesTest(AzuriteFixture azurite) : IAsyncLifetime
{
    protected FakeProviders Fakes { get; private set; } = null!;
    protected TestApp App { get; private set; } = null!;

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
