using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifications.Tests.Support;

/// <summary>A real SMTP server (smtp4dev, from the repo's dotnet tool manifest) with its HTTP API for reading what arrived.</summary>
public sealed class Smtp4dev : IAsyncDisposable
{
    private readonly ExternalProcess _process;
    private readonly HttpClient _http;

    private Smtp4dev(ExternalProcess process, int smtpPort, int apiPort)
    {
        _process = process;
        SmtpPort = smtpPort;
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}/") };
    }

    public int SmtpPort { get; }

    /// <param name="tlsMode">None, StartTls or ImplicitTls.</param>
    /// <param name="user">When set ("name=password"), authentication is required and only this user is accepted.</param>
    public static async Task<Smtp4dev> StartAsync(string tlsMode = "None", string? user = null)
    {
        int smtp = ExternalProcess.FreePort(), api = ExternalProcess.FreePort();
        var args = new List<string>
        {
            "tool", "run", "smtp4dev", "--", "--smtpport", $"{smtp}", "--urls", $"http://127.0.0.1:{api}", "--db=",
            "--hostname", "localhost", "--tlsmode", tlsMode, "--imapport=", "--pop3port=", "--nousersettings",
        };
        if (user is not null) args.AddRange(["--authenticationrequired", "--smtpallowanycredentials-", $"--user={user}"]);
        var process = ExternalProcess.Start("dotnet", args, RepoPaths.Root);
        var server = new Smtp4dev(process, smtp, api);
        await process.WaitForPortAsync(smtp, TimeSpan.FromSeconds(60));
        await process.WaitForPortAsync(api, TimeSpan.FromSeconds(60));
        return server;
    }

    /// <summary>Raw MIME of every message whose To contains <paramref name="recipient"/>.</summary>
    public async Task<IReadOnlyList<string>> RawMessagesToAsync(string recipient)
    {
        var page = await _http.GetFromJsonAsync<JsonObject>("api/messages?pageSize=500");
        var results = page?["results"] as JsonArray ?? [];
        var raw = new List<string>();
        foreach (var m in results.OfType<JsonObject>())
        {
            var to = m["to"]?.ToJsonString() ?? "";
            if (!to.Contains(recipient, StringComparison.OrdinalIgnoreCase)) continue;
            raw.Add(await _http.GetStringAsync($"api/messages/{m["id"]!.GetValue<string>()}/raw"));
        }
        return raw;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await _process.DisposeAsync();
    }
}
