namespace Notifications.Channels.Webhooks.Telegram;

public sealed record TelegramSettings
{
    /// <summary>From @BotFather, "123456789:AA…". A secret: it controls the bot, and it is part of every request URL.</summary>
    [Secret] public string? BotToken { get; init; }

    /// <summary>A numeric chat id (-100… for channels and supergroups) or a public channel's @username.</summary>
    public string? ChatId { get; init; }

    /// <summary>The Bot API server; https://api.telegram.org unless a self-hosted one is allowlisted.</summary>
    public string? ApiBaseUrl { get; init; }
}
