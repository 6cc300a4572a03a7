using System.Diagnostics.Metrics;
using Microsoft.ApplicationInsights;
using Microsoft.Extensions.Hosting;
using Notifications.Telemetry;

namespace Notifications.Functions;

/// <summary>
/// Forwards the core's "Notifications" meter to Application Insights custom metrics. The Application Insights
/// SDK that the Functions worker integration supports (2.x) does not read System.Diagnostics.Metrics by itself.
/// </summary>
public sealed class MetricsBridge(TelemetryClient telemetry) : IHostedService, IDisposable
{
    private readonly MeterListener _listener = new();

    public Task StartAsync(CancellationToken ct)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == NotificationMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, value, tags, _) => Track(i, value, tags));
        _listener.SetMeasurementEventCallback<double>((i, value, tags, _) => Track(i, value, tags));
        _listener.Start();
        return Task.CompletedTask;
    }

    private void Track(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var metric = tags.Length switch
        {
            0 => telemetry.GetMetric(instrument.Name),
            1 => telemetry.GetMetric(instrument.Name, tags[0].Key),
            _ => telemetry.GetMetric(instrument.Name, tags[0].Key, tags[1].Key),
        };
        if (tags.Length == 0) metric.TrackValue(value);
        else if (tags.Length == 1) metric.TrackValue(value, tags[0].Value?.ToString());
        else metric.TrackValue(value, tags[0].Value?.ToString(), tags[1].Value?.ToString());
    }

    public Task StopAsync(CancellationToken ct)
    {
        _listener.Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _listener.Dispose();
}
