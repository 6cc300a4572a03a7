using Notifications.Fakes;

namespace Notifications.Tests.Support;

/// <summary>
/// The core on a private Azurite for the class, and every provider fake on 127.0.0.1 (allowlisted by TestApp).
/// <see cref="PipelineTest"/> adds the sample agent for tests that run schedules.
/// </summary>
public abstract class FakesTest(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;
    protected FakeProviders Fakes { get; private set; } = null!;
    protected TestApp App { get; private set; } = null!;

    /// <summary>Where the core sends prompts; none unless a test class runs schedules.</summary>
    protected virtual Task<Uri?> StartAgentAsync() => Task.FromResult<Uri?>(null);

    public async Task InitializeAsync()
    {
        Fakes = await FakeProviders.StartAsync();
        App = await TestApp.StartAsync(Azurite.ConnectionString, await StartAgentAsync());
    }

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Fakes.DisposeAsync();
    }
}
