using System.Diagnostics;
using System.Diagnostics.Metrics;
using Notifications.Deliveries;
using Notifications.Runs;

namespace Notifications.Telemetry;

/// <summary>Custom metrics, exported by whatever listens to the "Notifications" meter (Application Insights in Azure).</summary>
public sealed class NotificationMetrics : IDisposable
{
    public const string MeterName = "Notifications";

    private readonly Meter _meter;
    private readonly Counter<long> _runs;
    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _deliveryLatency;
    private readonly Histogram<double> _chartRender;

    public NotificationMetrics(IMeterFactory factory)
    {
        _meter = factory.Create(MeterName);
        _runs = _meter.CreateCounter<long>("notifications.runs", description: "Runs by outcome");
        _deliveries = _meter.CreateCounter<long>("notifications.deliveries", description: "Deliveries by provider and outcome");
        _deliveryLatency = _meter.CreateHistogram<double>("notifications.delivery_latency_ms", "ms", "From run completion to delivery");
        _chartRender = _meter.CreateHistogram<double>("notifications.chart_render_ms", "ms", "Chart render time, PNG encoding included");
    }

    public void RunCompleted(RunStatus status) => _runs.Add(1, new KeyValuePair<string, object?>("outcome", status.ToString()));

    public void DeliveryRecorded(string provider, DeliveryStatus outcome, TimeSpan? sinceRunCompleted = null)
    {
        var tags = new TagList { { "provider", provider }, { "outcome", outcome.ToString() } };
        _deliveries.Add(1, tags);
        if (sinceRunCompleted is { } latency)
            _deliveryLatency.Record(latency.TotalMilliseconds, new KeyValuePair<string, object?>("provider", provider));
    }

    public void ChartRendered(TimeSpan elapsed) => _chartRender.Record(elapsed.TotalMilliseconds);

    public void Dispose() => _meter.Dispose();
}
