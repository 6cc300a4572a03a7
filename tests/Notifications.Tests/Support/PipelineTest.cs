using Notifications.Fakes;

namespace Notifications.Tests.Support;

/// <summary>
/// The setup most pipeline tests share: a private Azurite for the class, the shipped sample agent, the provider
/// fakes, and the core wired against them.
/// </summary>
public abstract class PipelineTest(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    protected AzuriteFixture Azurite { get; } = azurite;
    protected SampleAgentServer Agent { get; private set; } = null!;
    protected FakeProviders Fakes { get; private set; } = null!;
    protected TestApp App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Agent = await SampleAgentServer.StartAsync();
        Fakes = await FakeProviders.StartAsync();
        App = await TestApp.StartAsync(Azurite.ConnectionString, Agent.Url);
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Fakes.DisposeAsync();
        await Agent.DisposeAsync();
    }
}
