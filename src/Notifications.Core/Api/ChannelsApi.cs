using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Notifications.Channels;
using Notifications.Runs;
using Notifications.Schedules;

namespace Notifications.Api;

/// <summary>
/// Admin API for channels. Secrets go in with the settings and never come out: a response lists only which secret
/// fields are set. On update, an omitted or empty secret keeps the stored one.
/// </summary>
public sealed class ChannelsApi(
    ChannelRepository channels,
    ScheduleRepository schedules,
    ChannelProviderRegistry providers,
    PreviewMessageBuilder previews,
    TimeProvider time,
    ILogger<ChannelsApi> logger)
{
    public sealed record ChannelView(
        string Id, string Name, ChannelKind Kind, string Provider, JsonObject Settings, IReadOnlyList<string> SecretsConfigured,
        DateTimeOffset CreatedUtc, DateTimeOffset UpdatedUtc, IReadOnlyDictionary<string, List<string>>? Warnings = null);

    public const int MaxNameLength = 200;
    /// <summary>Settings and secrets are one Table Storage column each (32K characters; secrets grow when encrypted).</summary>
    public const int MaxSettingsJsonLength = 16_000;

    public async Task<ApiResult> ListAsync(CancellationToken ct) =>
        ApiResult.Ok((await channels.ListAsync(ct)).Select(c => View(c)).ToList());

    public async Task<ApiResult> GetAsync(string id, CancellationToken ct) =>
        await channels.FindAsync(id, ct) is { } c ? ApiResult.Ok(View(c)) : ApiResult.NotFound($"Channel '{id}'");

    public Task<ApiResult> CreateAsync(string? body, CancellationToken ct) => SaveAsync(null, body, ct);

    public async Task<ApiResult> UpdateAsync(string id, string? body, CancellationToken ct)
    {
        var existing = await channels.FindAsync(id, ct);
        return existing is null ? ApiResult.NotFound($"Channel '{id}'") : await SaveAsync(existing, body, ct);
    }

    public async Task<ApiResult> DeleteAsync(string id, CancellationToken ct)
    {
        if (await channels.FindAsync(id, ct) is null) return ApiResult.NotFound($"Channel '{id}'");
        var users = await SchedulesUsingAsync(id, ct);
        if (users.Count > 0)
            return ApiResult.Problem(409, "The channel is in use.", $"Remove it from these schedules first: {string.Join(", ", users)}.");
        await channels.DeleteAsync(id, ct);
        logger.LogInformation("Deleted channel {ChannelId}", id);
        return ApiResult.NoContent();
    }

    /// <summary>Test Connection / Test Webhook; with a recipient, Send Test Email. Saved channels only.</summary>
    public async Task<ApiResult> TestAsync(string id, string? body, CancellationToken ct)
    {
        if (await channels.FindAsync(id, ct) is not { } channel) return ApiResult.NotFound($"Channel '{id}'");
        var problems = new ValidationProblems();
        string? recipient = null;
        if (!string.IsNullOrWhiteSpace(body))
        {
            if (!JsonBody.TryParse(body, out var json, out var error)) return error!;
            recipient = JsonBody.String(json, "recipient", problems);
        }
        var provider = providers.Get(channel.Provider);
        if (recipient is not null)
        {
            // Providers report on "target"; this request calls the same value "recipient".
            var targetProblems = new ValidationProblems();
            provider.ValidateTarget(recipient, targetProblems);
            foreach (var message in targetProblems.Errors.Values.SelectMany(m => m)) problems.Error("recipient", message);
        }
        if (!problems.IsValid) return ApiResult.Invalid(problems);
        var result = await provider.TestAsync(channel, recipient, ct);
        logger.LogInformation("Tested channel {ChannelId} ({Provider}): {Outcome}", channel.Id, channel.Provider, result.Outcome);
        return ApiResult.Ok(result);
    }

    /// <summary>What a delivery of the given result would send, without sending it.</summary>
    public async Task<ApiResult> PreviewAsync(string id, string? body, CancellationToken ct)
    {
        if (await channels.FindAsync(id, ct) is not { } channel) return ApiResult.NotFound($"Channel '{id}'");
        if (!JsonBody.TryParse(body, out var json, out var error)) return error!;
        var problems = new ValidationProblems();
        var request = previews.Read(json, problems);
        if (!problems.IsValid || request is null) return ApiResult.Invalid(problems);
        var message = previews.Build(request);
        var preview = await providers.Get(channel.Provider).PreviewAsync(channel, request.Target, message, ct);
        return ApiResult.Text(preview.ContentType, preview.Body);
    }

    private async Task<ApiResult> SaveAsync(Channel? existing, string? body, CancellationToken ct)
    {
        if (!JsonBody.TryParse(body, out var json, out var error)) return error!;
        var problems = new ValidationProblems();
        var name = JsonBody.String(json, "name", problems)?.Trim();
        if (problems.Require("name", name, "Channel name")) problems.MaxLength("name", name, MaxNameLength, "Channel name");
        var providerId = JsonBody.String(json, "provider", problems) ?? existing?.Provider;
        var provider = providers.Find(providerId);
        if (provider is null)
        {
            problems.Error("provider", $"Choose one of: {string.Join(", ", providers.Ids)}.");
            return ApiResult.Invalid(problems);
        }
        if (existing is not null && !string.Equals(existing.Provider, provider.Id, StringComparison.OrdinalIgnoreCase))
        {
            // Notifications' targets were checked against the old provider (recipients for email, none for webhooks).
            var users = await SchedulesUsingAsync(existing.Id, ct);
            if (users.Count > 0)
                return ApiResult.Problem(409, "The channel's provider cannot change while schedules use it.",
                    $"Create a new channel instead, or remove this one from: {string.Join(", ", users)}.");
            existing = existing with { Secrets = new Dictionary<string, string>() }; // secrets of another provider do not carry over
        }

        if (json["settings"] is not JsonObject input)
        {
            problems.Error("settings", "settings must be an object with the provider's fields.");
            return ApiResult.Invalid(problems);
        }
        var settings = new JsonObject();
        var secrets = new Dictionary<string, string>(existing?.Secrets ?? new Dictionary<string, string>());
        foreach (var (key, value) in input)
        {
            if (!provider.SecretFields.Contains(key))
            {
                settings[key] = value?.DeepClone();
                continue;
            }
            if (value is null) continue;
            if (value is JsonValue v && v.TryGetValue<string>(out var secret))
            {
                if (secret.Length > 0) secrets[key] = secret;
            }
            else problems.Error($"settings.{key}", "Must be a string.");
        }

        if (settings.ToJsonString().Length > MaxSettingsJsonLength || JsonSerializer.Serialize(secrets).Length > MaxSettingsJsonLength)
        {
            problems.Error("settings", $"settings must be at most {MaxSettingsJsonLength} characters of JSON.");
            return ApiResult.Invalid(problems);
        }
        var merged = (JsonObject)settings.DeepClone();
        foreach (var (key, value) in secrets) merged[key] = value;
        var settingsProblems = new ValidationProblems();
        provider.Validate(merged, settingsProblems);
        problems.Merge(settingsProblems, "settings");
        if (!problems.IsValid) return ApiResult.Invalid(problems);

        var now = time.GetUtcNow();
        var channel = new Channel(existing?.Id ?? NewId(), name!, provider.Kind, provider.Id, settings, secrets, existing?.CreatedUtc ?? now, now);
        await channels.SaveAsync(channel, ct);
        logger.LogInformation("Saved channel {ChannelId} ({Provider})", channel.Id, channel.Provider);
        var warnings = problems.Warnings.Count > 0 ? problems.Warnings : null;
        return ApiResult.Ok(View(channel, warnings), existing is null ? 201 : 200);
    }

    private async Task<List<string>> SchedulesUsingAsync(string channelId, CancellationToken ct) =>
        (await schedules.ListAsync(ct)).Where(s => s.Notifications.Any(n => n.ChannelId == channelId)).Select(s => s.Name).ToList();

    private static string NewId() => "ch" + Guid.NewGuid().ToString("N")[..16];

    private static ChannelView View(Channel c, IReadOnlyDictionary<string, List<string>>? warnings = null) =>
        new(c.Id, c.Name, c.Kind, c.Provider, c.Settings, c.Secrets.Keys.Order().ToList(), c.CreatedUtc, c.UpdatedUtc, warnings);
}
