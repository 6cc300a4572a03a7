namespace Notifications.Channels;

/// <summary>One setting of a provider, as the channel form shows it.</summary>
public sealed record SettingField(string Name, string Type, bool Secret)
{
    public static string TypeName(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(bool)) return "boolean";
        if (t == typeof(int) || t == typeof(long)) return "integer";
        if (t.IsEnum) return "string";
        if (t != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(t)) return "array";
        return t == typeof(string) || t == typeof(Uri) ? "string" : "object";
    }
}
