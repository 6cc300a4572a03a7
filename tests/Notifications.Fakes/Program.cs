using Notifications.Fakes;

// Usage: Notifications.Fakes --port 7090 --out artifacts/demo
var port = int.Parse(Arg("--port") ?? "0", System.Globalization.CultureInfo.InvariantCulture);
await using var fakes = await FakeProviders.StartAsync(port, Arg("--out"));
Console.WriteLine($"Provider fakes listening on {fakes.BaseUrl}");
await fakes.WaitForShutdownAsync(); // Ctrl+C or SIGTERM

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
