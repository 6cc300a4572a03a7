using System.Text;
using Notifications.Api;

namespace Notifications.LocalHost;

/// <summary>The admin API on the same routes as the Functions app's HTTP functions.</summary>
public static class AdminApiRoutes
{
    public static void MapAdminApi(this WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/providers", (ProvidersApi p, CancellationToken ct) => Write(p.ListAsync(ct)));
        api.MapGet("/channels", (ChannelsApi c, CancellationToken ct) => Write(c.ListAsync(ct)));
        api.MapPost("/channels", async (HttpRequest r, ChannelsApi c, CancellationToken ct) => await Write(c.CreateAsync(await Body(r), ct)));
        api.MapGet("/channels/{id}", (string id, ChannelsApi c, CancellationToken ct) => Write(c.GetAsync(id, ct)));
        api.MapPut("/channels/{id}", async (string id, HttpRequest r, ChannelsApi c, CancellationToken ct) => await Write(c.UpdateAsync(id, await Body(r), ct)));
        api.MapDelete("/channels/{id}", (string id, ChannelsApi c, CancellationToken ct) => Write(c.DeleteAsync(id, ct)));
        api.MapPost("/channels/{id}/test", async (string id, HttpRequest r, ChannelsApi c, CancellationToken ct) => await Write(c.TestAsync(id, await Body(r), ct)));
        api.MapPost("/channels/{id}/preview", async (string id, HttpRequest r, ChannelsApi c, CancellationToken ct) => await Write(c.PreviewAsync(id, await Body(r), ct)));

        api.MapGet("/schedules", (SchedulesApi s, CancellationToken ct) => Write(s.ListAsync(ct)));
        api.MapPost("/schedules", async (HttpRequest r, SchedulesApi s, CancellationToken ct) => await Write(s.CreateAsync(await Body(r), ct)));
        api.MapGet("/schedules/{id}", (string id, SchedulesApi s, CancellationToken ct) => Write(s.GetAsync(id, ct)));
        api.MapPut("/schedules/{id}", async (string id, HttpRequest r, SchedulesApi s, CancellationToken ct) => await Write(s.UpdateAsync(id, await Body(r), ct)));
        api.MapDelete("/schedules/{id}", (string id, SchedulesApi s, CancellationToken ct) => Write(s.DeleteAsync(id, ct)));
        api.MapPost("/schedules/{id}/run", (string id, SchedulesApi s, CancellationToken ct) => Write(s.RunNowAsync(id, ct)));

        api.MapGet("/runs/{id}", (string id, RunsApi runs, CancellationToken ct) => Write(runs.GetAsync(id, ct)));
    }

    private static async Task<string> Body(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static async Task<IResult> Write(Task<ApiResult> pending)
    {
        var result = await pending;
        return Results.Text(result.Body, result.ContentType, Encoding.UTF8, result.Status);
    }
}
