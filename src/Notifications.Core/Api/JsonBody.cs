using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifications.Api;

/// <summary>Reading request bodies into JSON objects, with a problem-details answer when they are not.</summary>
public static class JsonBody
{
    /// <summary>Admin bodies are a few KB; anything near this is not a channel or a schedule.</summary>
    public const int MaxBodyChars = 1024 * 1024;

    // JsonObject reads duplicate names lazily and throws ArgumentException at the first lookup: refuse them while parsing.
    private static readonly JsonDocumentOptions Options = new() { AllowDuplicateProperties = false };

    public static bool TryParse(string? body, out JsonObject json, out ApiResult? error)
    {
        json = null!;
        error = null;
        if (body is { Length: > MaxBodyChars })
        {
            error = ApiResult.Problem(413, "The request body is too large.", $"At most {MaxBodyChars} characters.");
            return false;
        }
        try
        {
            if (JsonNode.Parse(string.IsNullOrWhiteSpace(body) ? "null" : body, documentOptions: Options) is JsonObject o)
            {
                if (FindInvalidTextSafely(o) is { } path)
                {
                    error = ApiResult.Problem(400, "The request body is not valid JSON.", $"The text at {path} is not valid Unicode (an unpaired surrogate).");
                    return false;
                }
                json = o;
                return true;
            }
            error = ApiResult.Problem(400, "The request body must be a JSON object.");
        }
        catch (JsonException e)
        {
            error = ApiResult.Problem(400, "The request body is not valid JSON.", e.Message);
        }
        return false;
    }

    /// <summary>
    /// The path of the first name or string holding an escaped lone surrogate ("\ud800"): the parser accepts it, but
    /// reading it as a string throws, which would surface later as a 500.
    /// </summary>
    private static string? FindInvalidTextSafely(JsonObject o)
    {
        try
        {
            return FindInvalidText(o);
        }
        catch (InvalidOperationException)
        {
            return "$"; // a property name the reader cannot decode
        }
    }

    private static string? FindInvalidText(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    if (!IsValidText(name)) return o.GetPath();
                    if (FindInvalidText(value) is { } path) return path;
                }
                return null;
            case JsonArray a:
                foreach (var item in a)
                    if (FindInvalidText(item) is { } path) return path;
                return null;
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                try
                {
                    return IsValidText(v.GetValue<string>()) ? null : v.GetPath();
                }
                catch (InvalidOperationException)
                {
                    return v.GetPath();
                }
            default:
                return null;
        }
    }

    private static bool IsValidText(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }

    /// <summary>A string property, or an error when it is present with another type.</summary>
    public static string? String(JsonObject o, string name, ValidationProblems problems, string? field = null)
    {
        var node = o[name];
        if (node is null) return null;
        if (node is JsonValue v && v.TryGetValue<string>(out var s)) return s;
        problems.Error(field ?? name, "Must be a string.");
        return null;
    }

    public static bool? Bool(JsonObject o, string name, ValidationProblems problems)
    {
        var node = o[name];
        if (node is null) return null;
        if (node is JsonValue v && v.TryGetValue<bool>(out var b)) return b;
        problems.Error(name, "Must be true or false.");
        return null;
    }
}
