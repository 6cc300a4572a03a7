using System.Net;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Notifications.Fakes.Discord;
using Notifications.Fakes.GoogleChat;
using Notifications.Fakes.Slack;
using Notifications.Fakes.Teams;
using Notifications.Fakes.Telegram;

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
        FakeTeams.Map(app, recorded, scripted);
        FakeDiscord.Map(app, recorded, scripted);
        FakeTelegram.Map(app, recorded, scripted);
        FakeGoogleChat.Map(app, recorded, scripted);
        SendGrid.FakeSendGrid.Map(app, recorded, scripted);
        AzureEmail.FakeAcs.Map(app, recorded, scripted);
        Graph.FakeGraph.Map(app, recorded, scripted);
        var fakes = new FakeProviders(app, recorded, scripted);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        fakes.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fakes;
    }

    public Uri SlackWebhookUrl(string token = "XXXXdemotoken") => new(BaseUrl, $"slack/services/T0000DEMO/B0000DEMO/{token}");

    /// <param name="sig">"expired" gives 401; flow "deleted" gives 404.</param>
    public Uri TeamsWebhookUrl(string sig = "demosig", string flow = "demoflow") =>
        new(BaseUrl, $"teams/workflows/{flow}/triggers/manual/paths/invoke?api-version=1&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={sig}");

    /// <summary>A legacy Office 365 connector URL; id "retired" answers 200 with an error text.</summary>
    public Uri TeamsLegacyWebhookUrl(string id = "democonnector") => new(BaseUrl, $"teams/webhookb2/{id}");

    /// <param name="token">"expired" gives 401 (50027), "deleted" 404 (10015).</param>
    public Uri DiscordWebhookUrl(string token = "demotoken", bool wait = false) =>
        new(BaseUrl, $"discord/api/webhooks/123456789012345678/{token}{(wait ? "?wait=true" : "")}");

    /// <summary>The Bot API base URL to put in a Telegram channel's apiBaseUrl.</summary>
    public Uri TelegramApiBaseUrl => new(BaseUrl, "telegram");

    /// <summary>A well-formed bot token; with <paramref name="revoked"/> the fake answers 401 Unauthorized.</summary>
    public static string TelegramBotToken(bool revoked = false) => revoked ? "123456789:revokedAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" : "123456789:AAHdemoTokenForTheLocalFakeOnly00000";

    /// <param name="token">"expired" gives 401; space "deleted" 404.</param>
    public Uri GoogleChatWebhookUrl(string token = "demotoken", string space = "AAAAdemo") =>
        new(BaseUrl, $"googlechat/v1/spaces/{space}/messages?key=demokey&token={token}");

    public Uri SendGridBaseUrl => new(BaseUrl, "sendgrid/");
    public Uri AcsEndpoint => new(BaseUrl, "acs/");
    public string AcsConnectionString(string? accessKeyBase64 = null) =>
        $"endpoint={AcsEndpoint};accesskey={accessKeyBase64 ?? AzureEmail.FakeAcs.AccessKeyBase64}";
    public Uri GraphAuthorityUrl => new(BaseUrl, "graph-login/");
    public Uri GraphUrl => new(BaseUrl, "graph/");

    /// <summary>Completes when the process is asked to stop (Ctrl+C, SIGTERM).</summary>
    public Task WaitForShutdownAsync() => _app.WaitForShutdownAsync();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
