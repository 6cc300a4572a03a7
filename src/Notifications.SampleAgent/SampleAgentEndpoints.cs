namespace Notifications.SampleAgent;

public sealed record AskRequest(string? Prompt);

public static class SampleAgentEndpoints
{
    /// <summary>POST /api/ask {"prompt"} answers {"markdown"}, or 500 {"error"} for "fail:" prompts.</summary>
    public static void MapSampleAgent(this WebApplication app, string? apiKey)
    {
        var reports = new SampleReports();
        app.MapPost("/api/ask", (AskRequest request, HttpRequest http) =>
        {
            if (!string.IsNullOrEmpty(apiKey) && http.Headers["x-api-key"] != apiKey)
                return Results.Json(new { error = "missing or wrong x-api-key" }, statusCode: 401);
            var answer = reports.Answer(request.Prompt ?? "");
            return answer.Failure is { } failure
                ? Results.Json(new { error = failure }, statusCode: 500)
                : Results.Json(new { markdown = answer.Markdown });
        });
        app.MapGet("/healthz", () => "ok");
    }
}
