using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Notifications.Fakes.Slack;

namespace Notifications.Fakes;

/// <summary>All provider fakes in one Kestrel server on 127.0.0.1. Tests start it in-process; the demo runs it as a program.</summary>
public sealed class FakeProviders : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeProviders(WebApplication app, RecordedRequests recorded, ScriptedFailures scripted)
    {
        _app = app;
        Recorded = recorded;
        Scripted = scripted;
    }

    public RecordedRequests Recorded { get; }
    public ScriptedFailures Scripted { get; }
    public Uri BaseUrl { get; private set; } = null!;

    /// <param name="port">0 picks a free port.</param>
    /// <param name="outputDirectory">When set, every accepted request body is also written there.</param>
    public static async Task<FakeProviders> StartAsync(int port = 0, string? outputDirectory = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var recorded = new RecordedRequests(outputDirectory);
        var scripted = new ScriptedFailures();
        FakeSlack.Map(app, recorded, scripted);
        var fakes = new FakeProviders(app, recorded, scripted);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fakes.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fakes;
    }

    public Uri SlackWebhookUrl(string token = "XXXXdemotoken") => new(BaseUrl, $"slack/services/T0000DEMO/B0000DEMO/{token}");

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
