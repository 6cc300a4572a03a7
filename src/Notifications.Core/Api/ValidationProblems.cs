namespace Notifications.Api;

/// <summary>Field-level errors and warnings collected while validating input; becomes RFC 9457 problem details.</summary>
public sealed class ValidationProblems
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _warnings = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;
    public IReadOnlyDictionary<string, List<string>> Errors => _errors;
    public IReadOnlyDictionary<string, List<string>> Warnings => _warnings;

    public ValidationProblems Error(string field, string message)
    {
        Add(_errors, field, message);
        return this;
    }

    public ValidationProblems Warning(string field, string message)
    {
        Add(_warnings, field, message);
        return this;
    }

    /// <summary>Adds an error unless the value is present.</summary>
    public bool Require(string field, string? value, string? label = null)
    {
        if (!string.IsNullOrWhiteSpace(value)) return true;
        Error(field, $"{label ?? field} is required.");
        return false;
    }

    /// <summary>
    /// Adds an error when the value is longer than <paramref name="max"/> characters. Table Storage refuses a property
    /// over 32K characters, so every stored text needs a bound the API checks first.
    /// </summary>
    public bool MaxLength(string field, string? value, int max, string? label = null)
    {
        if (value is null || value.Length <= max) return true;
        Error(field, $"{label ?? field} must be at most {max} characters (it has {value.Length}).");
        return false;
    }

    /// <summary>Copies another set of problems in, with their field names under a prefix.</summary>
    public void Merge(ValidationProblems other, string prefix)
    {
        foreach (var (field, messages) in other._errors)
            foreach (var m in messages) Add(_errors, Join(prefix, field), m);
        foreach (var (field, messages) in other._warnings)
            foreach (var m in messages) Add(_warnings, Join(prefix, field), m);
    }

    private static string Join(string prefix, string field) => string.IsNullOrEmpty(field) ? prefix : $"{prefix}.{field}";

    private static void Add(Dictionary<string, List<string>> target, string field, string message)
    {
        if (!target.TryGetValue(field, out var list)) target[field] = list = [];
        list.Add(message);
    }
}
