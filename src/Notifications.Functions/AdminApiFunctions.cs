using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Notifications.Api;

namespace Notifications.Functions;

/// <summary>The admin API. Each function reads the body, calls the core, and writes its answer as is.</summary>
public sealed class AdminApiFunctions(ProvidersApi providers, ChannelsApi channels, SchedulesApi schedules, RunsApi runs)
{
    [Function("ListProviders")]
    public Task<IActionResult> ListProviders([HttpTrigger(AuthorizationLevel.Function, "get", Route = "providers")] HttpRequest req) =>
        Write(providers.ListAsync(req.HttpContext.RequestAborted));

    [Function("ListChannels")]
    public Task<IActionResult> ListChannels([HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels")] HttpRequest req) =>
        Write(channels.ListAsync(req.HttpContext.RequestAborted));

    [Function("CreateChannel")]
    public async Task<IActionResult> CreateChannel([HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels")] HttpRequest req) =>
        await Write(channels.CreateAsync(await Body(req), req.HttpContext.RequestAborted));

    [Function("GetChannel")]
    public Task<IActionResult> GetChannel([HttpTrigger(AuthorizationLevel.Function, "get", Route = "channels/{id}")] HttpRequest req, string id) =>
        Write(channels.GetAsync(id, req.HttpContext.RequestAborted));

    [Function("UpdateChannel")]
    public async Task<IActionResult> UpdateChannel([HttpTrigger(AuthorizationLevel.Function, "put", Route = "channels/{id}")] HttpRequest req, string id) =>
        await Write(channels.UpdateAsync(id, await Body(req), req.HttpContext.RequestAborted));

    [Function("DeleteChannel")]
    public Task<IActionResult> DeleteChannel([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "channels/{id}")] HttpRequest req, string id) =>
        Write(channels.DeleteAsync(id, req.HttpContext.RequestAborted));

    [Function("TestChannel")]
    public async Task<IActionResult> TestChannel([HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{id}/test")] HttpRequest req, string id) =>
        await Write(channels.TestAsync(id, await Body(req), req.HttpContext.RequestAborted));

    [Function("PreviewChannel")]
    public async Task<IActionResult> PreviewChannel([HttpTrigger(AuthorizationLevel.Function, "post", Route = "channels/{id}/preview")] HttpRequest req, string id) =>
        await Write(channels.PreviewAsync(id, await Body(req), req.HttpContext.RequestAborted));

    [Function("ListSchedules")]
    public Task<IActionResult> ListSchedules([HttpTrigger(AuthorizationLevel.Function, "get", Route = "schedules")] HttpRequest req) =>
        Write(schedules.ListAsync(req.HttpContext.RequestAborted));

    [Function("CreateSchedule")]
    public async Task<IActionResult> CreateSchedule([HttpTrigger(AuthorizationLevel.Function, "post", Route = "schedules")] HttpRequest req) =>
        await Write(schedules.CreateAsync(await Body(req), req.HttpContext.RequestAborted));

    [Function("GetSchedule")]
    public Task<IActionResult> GetSchedule([HttpTrigger(AuthorizationLevel.Function, "get", Route = "schedules/{id}")] HttpRequest req, string id) =>
        Write(schedules.GetAsync(id, req.HttpContext.RequestAborted));

    [Function("UpdateSchedule")]
    public async Task<IActionResult> UpdateSchedule([HttpTrigger(AuthorizationLevel.Function, "put", Route = "schedules/{id}")] HttpRequest req, string id) =>
        await Write(schedules.UpdateAsync(id, await Body(req), req.HttpContext.RequestAborted));

    [Function("DeleteSchedule")]
    public Task<IActionResult> DeleteSchedule([HttpTrigger(AuthorizationLevel.Function, "delete", Route = "schedules/{id}")] HttpRequest req, string id) =>
        Write(schedules.DeleteAsync(id, req.HttpContext.RequestAborted));

    [Function("RunScheduleNow")]
    public Task<IActionResult> RunNow([HttpTrigger(AuthorizationLevel.Function, "post", Route = "schedules/{id}/run")] HttpRequest req, string id) =>
        Write(schedules.RunNowAsync(id, req.HttpContext.RequestAborted));

    [Function("GetRun")]
    public Task<IActionResult> GetRun([HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{id}")] HttpRequest req, string id) =>
        Write(runs.GetAsync(id, req.HttpContext.RequestAborted));

    private static async Task<string> Body(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static async Task<IActionResult> Write(Task<ApiResult> pending)
    {
        var result = await pending;
        return new ContentResult { StatusCode = result.Status, ContentType = result.ContentType, Content = result.Body };
    }
}
