using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Microsoft.Extensions.Logging;

namespace Notifications.Storage;

/// <summary>
/// Reads a queue and hands each message to a handler, the way the Functions queue trigger does: delete on success;
/// on failure the message reappears after its visibility timeout, and after <see cref="MaxDequeueCount"/> tries it moves
/// to the "-poison" queue. The handler is told the dequeue count, as the Functions trigger can bind it. Used by the local host and the tests; in Azure the Functions runtime does this.
/// </summary>
public sealed class QueueMessagePump(QueueClient queue, QueueClient poison, Func<string, long, CancellationToken, Task> handler, ILogger logger)
{
    public const int MaxDequeueCount = 5;
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromMinutes(5);
    public TimeSpan RetryVisibility { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Processes one batch of visible messages concurrently. Returns how many it received.</summary>
    public async Task<int> PumpOnceAsync(CancellationToken ct)
    {
        QueueMessage[] messages = (await queue.ReceiveMessagesAsync(maxMessages: 16, VisibilityTimeout, ct)).Value;
        await Task.WhenAll(messages.Select(m => HandleAsync(m, ct)));
        return messages.Length;
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken ct)
    {
        try
        {
            await handler(message.MessageText, message.DequeueCount, ct);
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            if (message.DequeueCount >= MaxDequeueCount)
            {
                await poison.SendMessageAsync(message.MessageText, ct);
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                logger.LogError("Message moved to poison queue {Queue} after {DequeueCount} attempts: {ExceptionType}",
                    poison.Name, message.DequeueCount, e.GetType().Name);
            }
            else
            {
                await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: RetryVisibility, cancellationToken: ct);
                logger.LogWarning("Message on {Queue} failed (attempt {DequeueCount}): {ExceptionType}: {Error}",
                    queue.Name, message.DequeueCount, e.GetType().Name, e.Message);
            }
        }
    }
}
