namespace Notifications.Tests.Support;

/// <summary>The setup of tests that run schedules: <see cref="FakesTest"/> plus the shipped sample agent.</summary>
public abstract class PipelineTest(AzuriteFixture azurite) : FakesTest(azurite)
{
    protected SampleAgentServer Agent { get; private set; } = null!;

    protected override async Task<Uri?> StartAgentAsync()
    {
        Agent = await SampleAgentServer.StartAsync();
        return Agent.Url;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Agent.DisposeAsync();
    }
}
