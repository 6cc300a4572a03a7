using MimeKit;
using Notifications.Api;

namespace Notifications.Channels.Email;

/// <summary>Parsing and checking the addresses every email provider uses.</summary>
public static class EmailAddresses
{
    /// <summary>A notification's email target: one or more addresses separated by commas or semicolons.</summary>
    public static IReadOnlyList<MailboxAddress> ParseRecipients(string? target)
    {
        var list = new List<MailboxAddress>();
        foreach (var part in (target ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (MailboxAddress.TryParse(part, out var address) && IsPlausible(address.Address)) list.Add(address);
        return list;
    }

    public static void ValidateRecipients(string? target, ValidationProblems problems, string field = "target")
    {
        var parts = (target ?? "").Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length == 0)
        {
            problems.Error(field, "At least one recipient email address is required.");
            return;
        }
        foreach (var part in parts)
            if (!MailboxAddress.TryParse(part, out var a) || !IsPlausible(a.Address))
                problems.Error(field, $"'{part}' is not a valid email address.");
    }

    public static bool IsPlausible(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Any(char.IsWhiteSpace)) return false;
        var at = address.LastIndexOf('@');
        return at > 0 && at < address.Length - 1 && address.IndexOf('.', at) > at + 1 && !address.EndsWith('.');
    }
}
