using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Hosting;
using Notifications;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services
    .AddApplicationInsightsTelemetryWorkerService()
    .ConfigureFunctionsApplicationInsights();
builder.Services
    .AddNotificationsCore(builder.Configuration)
    .AddEmailChannels()
    .AddWebhookChannels(builder.Configuration);
builder.Services.AddHostedService<Notifications.Functions.StorageInitializer>();
builder.Services.AddHostedService<Notifications.Functions.MetricsBridge>();
builder.Build().Run();
