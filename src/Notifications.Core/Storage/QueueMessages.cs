using System.Text.Json;
using Azure.Storage.Queues;

namespace Notifications.Storage;

/// <summary>A request to run one occurrence of a schedule. RunId is deterministic for timer runs, so a duplicate is detected.</summary>
public sealed record RunRequest(string RunId, string ScheduleId, DateTimeOffset? OccurrenceUtc, string Trigger);

/// <summary>A request to deliver one run's result to one notification.</summary>
public sealed record DeliveryRequest(string RunId, string NotificationId, int Attempt = 1);

public static class QueueMessageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T message) => JsonSerializer.Serialize(message, Options);

    public static T Deserialize<T>(string body) =>
        JsonSerializer.Deserialize<T>(body, Options) ?? throw new JsonException($"Empty {typeof(T).Name} message.");

    public static Task SendJsonAsync<T>(this QueueClient queue, T message, TimeSpan? delay = null, CancellationToken ct = default) =>
        queue.SendMessageAsync(Serialize(message), visibilityTimeout: delay, cancellationToken: ct);
}
