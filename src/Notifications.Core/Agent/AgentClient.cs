using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Notifications.Agent;

/// <summary>A failed agent call; the message is safe to show and to log (no key, no URL).</summary>
public sealed class AgentException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Sends a schedule's prompt to the agent and returns its Markdown answer.</summary>
public sealed class AgentClient(IHttpClientFactory httpFactory, IOptions<AgentOptions> options)
{
    public const string HttpClientName = "agent";

    private sealed record AskRequest(string Prompt);
    private sealed record AskResponse(string? Markdown);

    public async Task<string> AskAsync(string prompt, CancellationToken ct)
    {
        var o = options.Value;
        if (o.BaseUrl is null) throw new AgentException("No agent is configured (Agent:BaseUrl).");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(o.BaseUrl, "api/ask"))
        {
            Content = JsonContent.Create(new AskRequest(prompt)),
        };
        if (!string.IsNullOrEmpty(o.ApiKey)) request.Headers.Add("x-api-key", o.ApiKey);
        try
        {
            using var response = await httpFactory.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
                throw new AgentException($"The agent answered {(int)response.StatusCode} {response.ReasonPhrase}: {Shorten(body)}");
            var answer = JsonSerializer.Deserialize<AskResponse>(body, JsonSerializerOptions.Web);
            return answer?.Markdown ?? throw new AgentException("The agent's answer has no 'markdown' field.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new AgentException($"The agent did not answer within {o.TimeoutSeconds} s.");
        }
        catch (HttpRequestException e)
        {
            throw new AgentException($"The agent could not be reached: {e.HttpRequestError}.", e);
        }
        catch (JsonException e)
        {
            throw new AgentException("The agent's answer is not valid JSON.", e);
        }
    }

    private static string Shorten(string s) => s.Length <= 300 ? s : s[..300] + "…";
}
