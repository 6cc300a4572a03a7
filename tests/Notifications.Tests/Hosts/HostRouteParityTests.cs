using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Notifications.LocalHost;
using Notifications.Tests.Support;

namespace Notifications.Tests.Hosts;

/// <summary>The local host must serve exactly the admin routes the Functions app declares, so either host can be used.</summary>
public sealed class HostRouteParityTests
{
    private static HashSet<string> FunctionsRoutes()
    {
        // The Functions SDK writes functions.metadata next to the worker when the solution builds.
        var configuration = typeof(HostRouteParityTests).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
            .OfType<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
        var path = Path.Combine(RepoPaths.Root, "src", "Notifications.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build Functions.sln first.");
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var function in JsonNode.Parse(File.ReadAllText(path))!.AsArray())
            foreach (var binding in function!["bindings"]!.AsArray())
                if (binding!["type"]!.GetValue<string>() == "httpTrigger")
                    foreach (var method in binding["methods"]!.AsArray())
                        routes.Add($"{method!.GetValue<string>().ToUpperInvariant()} /api/{binding["route"]!.GetValue<string>()}");
        return routes;
    }

    private static HashSet<string> LocalHostRoutes()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddNotificationsCore(builder.Configuration).AddEmailChannels().AddWebhookChannels(builder.Configuration);
        var app = builder.Build();
        app.MapAdminApi();
        var routes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var endpoint in ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>())
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                routes.Add($"{method} /{endpoint.RoutePattern.RawText!.TrimStart('/')}");
        return routes;
    }

    [Fact]
    public void Both_hosts_serve_the_same_admin_routes()
    {
        var functions = FunctionsRoutes();
        var local = LocalHostRoutes();
        Assert.NotEmpty(functions);
        Assert.Contains("POST /api/schedules/{id}/run", functions);
        Assert.Equal(functions.Order(), local.Order());
    }
}
