using Notifications.Deliveries;
using Notifications.Runs;

namespace Notifications.Api;

/// <summary>Admin API: a run with its deliveries.</summary>
public sealed class RunsApi(RunRepository runs)
{
    public sealed record RunView(Run Run, IReadOnlyList<Delivery> Deliveries);

    public async Task<ApiResult> GetAsync(string runId, CancellationToken ct)
    {
        var (run, deliveries) = await runs.FindWithDeliveriesAsync(runId, ct);
        if (run is null) return ApiResult.Problem(404, $"Run '{runId}' was not found.", "A run appears once the runner picks it up from the queue.");
        return ApiResult.Ok(new RunView(run, deliveries.OrderBy(d => d.NotificationId, StringComparer.Ordinal).ToList()));
    }
}
