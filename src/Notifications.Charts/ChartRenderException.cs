namespace Notifications.Charts;

/// <summary>Thrown when a figure cannot be rendered; the message names what is wrong.</summary>
public sealed class ChartRenderException : Exception
{
    public ChartRenderException(string message) : base(message) { }

    public ChartRenderException(string message, Exception inner) : base(message, inner) { }
}
