using Notifications;
using Notifications.LocalHost;
using Notifications.Storage;

// Runs what the Functions app runs, without Functions Core Tools: the admin API on the same /api routes,
// the ticker on a timer, and listeners on the two queues. Every handler is the core's, as in the Functions app.
var builder = WebApplication.CreateBuilder(args);
builder.Services
    .AddNotificationsCore(builder.Configuration)
    .AddEmailChannels()
    .AddWebhookChannels(builder.Configuration);
builder.Services.Configure<LocalHostOptions>(builder.Configuration.GetSection(LocalHostOptions.Section));
builder.Services.AddHostedService<TickerService>();
builder.Services.AddHostedService<QueueListenerService>();

var app = builder.Build();
await app.Services.GetRequiredService<NotificationStorage>().EnsureCreatedAsync();
app.MapAdminApi();
app.MapGet("/healthz", () => Results.Text("ok"));
await app.RunAsync();
