using Cronos;

namespace Notifications.Schedules;

/// <summary>A cron expression in an IANA time zone (Cronos handles DST gaps and overlaps).</summary>
public sealed class CronSchedule
{
    private readonly CronExpression _expression;
    private readonly TimeZoneInfo _zone;

    private CronSchedule(CronExpression expression, TimeZoneInfo zone)
    {
        _expression = expression;
        _zone = zone;
    }

    /// <summary>Five fields (minute precision) or six (with seconds first).</summary>
    public static bool TryParse(string? cron, string? timeZone, out CronSchedule? schedule, out string? cronError, out string? zoneError)
    {
        schedule = null;
        cronError = zoneError = null;
        CronExpression? expression = null;
        TimeZoneInfo? zone = null;
        if (string.IsNullOrWhiteSpace(cron))
            cronError = "cron is required, e.g. \"0 8 * * 1-5\".";
        else
        {
            var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            try
            {
                expression = CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            }
            catch (CronFormatException e)
            {
                cronError = $"Not a valid cron expression: {e.Message}";
            }
        }
        if (string.IsNullOrWhiteSpace(timeZone))
            zoneError = "timeZone is required, an IANA name such as \"Europe/Berlin\" or \"UTC\".";
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out zone))
            zoneError = $"'{timeZone}' is not a known IANA time zone.";
        if (expression is null || zone is null) return false;
        schedule = new CronSchedule(expression, zone);
        return true;
    }

    public static CronSchedule Parse(string cron, string timeZone) =>
        TryParse(cron, timeZone, out var s, out var cronError, out var zoneError)
            ? s!
            : throw new FormatException(cronError ?? zoneError);

    /// <summary>The first occurrence strictly after <paramref name="afterUtc"/>.</summary>
    public DateTimeOffset? NextAfter(DateTimeOffset afterUtc) =>
        _expression.GetNextOccurrence(afterUtc, _zone)?.ToUniversalTime();
}
