using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Notifications.Tests.Support;

/// <summary>Keeps every formatted log line, with its scopes and properties, so tests can check what was logged.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> _lines = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyList<string> Lines => _lines.ToList();

    public string AllText => string.Join("\n", _lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new System.Text.StringBuilder($"{logLevel} {category}: {formatter(state, exception)}");
            if (state is IEnumerable<KeyValuePair<string, object?>> properties)
                foreach (var (k, v) in properties) line.Append($" [{k}={v}]");
            owner._scopes.ForEachScope((scope, sb) => sb.Append($" {{{Describe(scope)}}}"), line);
            if (exception is not null) line.Append(' ').Append(exception);
            owner._lines.Enqueue(line.ToString());
        }

        private static string Describe(object? scope) => scope is IEnumerable<KeyValuePair<string, object>> kv
            ? string.Join(",", kv.Select(p => $"{p.Key}={p.Value}"))
            : scope?.ToString() ?? "";
    }
}
