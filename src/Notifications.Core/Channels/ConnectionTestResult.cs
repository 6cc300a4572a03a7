namespace Notifications.Channels;

public enum TestOutcome
{
    Success,
    AuthFailure,
    ConnectionFailure,
    Timeout,
    TlsError,
    SenderNotVerified,
    DomainNotLinked,
    PermissionMissing,
    UrlExpired,
    BotNotInChat,
    FormatBroken,
    RateLimited,
    ProviderError,
}

/// <summary>The answer to Test Connection / Test Webhook / Send Test Email: an outcome, what happened, and the hint that fixes it.</summary>
public sealed record ConnectionTestResult(TestOutcome Outcome, string Message, string? Hint = null)
{
    public bool Succeeded => Outcome == TestOutcome.Success;
}
