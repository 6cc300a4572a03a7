using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Notifications.Agent;
using Notifications.Api;
using Notifications.Channels;
using Notifications.Channels.Email;
using Notifications.Channels.Email.AzureEmail;
using Notifications.Channels.Email.Graph;
using Notifications.Channels.Email.SendGrid;
using Notifications.Channels.Email.Smtp;
using Notifications.Channels.Webhooks;
using Notifications.Channels.Webhooks.Discord;
using Notifications.Channels.Webhooks.GoogleChat;
using Notifications.Channels.Webhooks.Slack;
using Notifications.Channels.Webhooks.Teams;
using Notifications.Channels.Webhooks.Telegram;
using Notifications.Charts;
using Notifications.Deliveries;
using Notifications.Runs;
using Notifications.Schedules;
using Notifications.Security;
using Notifications.Storage;
using Notifications.Telemetry;

namespace Notifications;

/// <summary>One registration per area, so each host's Program.cs reads as a table of contents.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>Storage, schedules, runs, delivery and the admin API.</summary>
    public static IServiceCollection AddNotificationsCore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<NotificationMetrics>();
        services.AddSingleton(_ => NotificationStorage.FromConfiguration(configuration));
        services.AddSingleton(_ => SecretProtector.FromConfiguration(configuration));
        services.AddSingleton<ChannelRepository>();
        services.AddSingleton<ChannelProviderRegistry>();
        services.AddSingleton<ScheduleRepository>();
        services.AddSingleton<DueScheduleIndex>();
        services.AddSingleton<ScheduleTicker>();
        services.AddSingleton<RunRepository>();
        services.AddSingleton<ResultStore>();
        services.AddSingleton<PlotlyChartRenderer>();
        services.AddSingleton<ResultCharts>();
        services.AddSingleton<PreviewMessageBuilder>();
        services.AddSingleton<RunProcessor>();
        services.AddSingleton<NotificationMessageLoader>();
        services.AddSingleton<DeliveryDispatcher>();
        services.Configure<DeliveryOptions>(configuration.GetSection(DeliveryOptions.Section));
        services.AddSingleton<ChannelsApi>();
        services.AddSingleton<SchedulesApi>();
        services.AddSingleton<RunsApi>();
        services.AddSingleton<ProvidersApi>();

        services.Configure<AgentOptions>(configuration.GetSection(AgentOptions.Section));
        // The agent's own timeout (AgentOptions.TimeoutSeconds) governs; no retries: a prompt can be expensive.
        services.AddHttpClient(AgentClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddSingleton<AgentClient>();
        return services;
    }

    public static IServiceCollection AddEmailChannels(this IServiceCollection services)
    {
        // RemoveAllLoggers: the default HttpClient logging writes request URIs and would sit next to keys and tokens.
        services.AddHttpClient(EmailHttp.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddSingleton<EmailHttp>();
        services.AddSingleton<IChannelProvider, SmtpEmailSender>();
        services.AddSingleton<IChannelProvider, SendGridEmailSender>();
        services.AddSingleton<IChannelProvider, AcsEmailSender>();
        services.AddSingleton<IChannelProvider, GraphEmailSender>();
        return services;
    }

    public static IServiceCollection AddWebhookChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        // RemoveAllLoggers: the default HttpClient logging writes request URIs, and a webhook URL is a secret.
        services.AddHttpClient(WebhookClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan).RemoveAllLoggers();
        services.AddSingleton<WebhookClient>();
        services.AddSingleton<SendProgress>();
        services.AddSingleton<IChannelProvider, SlackWebhookSender>();
        services.AddSingleton<IChannelProvider, TeamsWebhookSender>();
        services.AddSingleton<IChannelProvider, DiscordWebhookSender>();
        services.AddSingleton<IChannelProvider, TelegramBotSender>();
        services.AddSingleton<IChannelProvider, GoogleChatWebhookSender>();
        return services;
    }
}
