using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Notifications;
using Notifications.Functions;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights()
    .AddSingleton<Microsoft.ApplicationInsights.Extensibility.ITelemetryInitializer, DependencyUrlRedactor>();
// The Application Insights logger provider ships with a rule that keeps only warnings; the portal queries need the
// information lines too (claims, runs, deliveries), so the levels in host.json / app settings decide instead.
builder.Logging.Services.Configure<LoggerFilterOptions>(options =>
{
    var warningsOnly = options.Rules.FirstOrDefault(rule =>
        rule.ProviderName == "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider");
    if (warningsOnly is not null) options.Rules.Remove(warningsOnly);
});
builder.Services
    .AddNotificationsCore(builder.Configuration)
    .AddEmailChannels()
    .AddWebhookChannels(builder.Configuration);
builder.Services.AddHostedService<StorageInitializer>();
builder.Services.AddHostedService<MetricsBridge>();
builder.Build().Run();
