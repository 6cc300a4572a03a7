namespace Notifications.Tests.Support;

/// <summary>
/// One plain smtp4dev for the whole test run (it takes seconds to start). Tests tell their mail apart by a unique
/// recipient, so sharing it is safe; it is killed when the test process exits.
/// </summary>
public static class SharedSmtp4dev
{
    private static readonly Lazy<Task<Smtp4dev>> Instance = new(() => Smtp4dev.StartAsync());

    public static Task<Smtp4dev> GetAsync() => Instance.Value;

    public static string UniqueRecipient(string label) => $"{label}-{Guid.NewGuid():N}@example.test";
}
