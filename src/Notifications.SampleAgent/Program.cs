using Notifications.SampleAgent;

var app = WebApplication.CreateBuilder(args).Build();
app.MapSampleAgent(app.Configuration["SampleAgent:ApiKey"]);
app.Run();
