namespace Notifications.Channels;

/// <summary>Marks a settings property as secret: stored encrypted, never returned by the API, never logged.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SecretAttribute : Attribute;
