namespace Notifications.Schedules;

public enum TriggerCondition
{
    Always,
    SuccessOnly,
    FailureOnly,
}

public static class TriggerConditionExtensions
{
    public static bool Matches(this TriggerCondition condition, bool runSucceeded) => condition switch
    {
        TriggerCondition.Always => true,
        TriggerCondition.SuccessOnly => runSucceeded,
        TriggerCondition.FailureOnly => !runSucceeded,
        _ => false,
    };
}
