using System.Text.Json;
using System.Text.Json.Nodes;

namespace Notifications.Api;

/// <summary>Reading request bodies into JSON objects, with a problem-details answer when they are not.</summary>
public static class JsonBody
{
    public static bool TryParse(string? body, out JsonObject json, out ApiResult? error)
    {
        json = null!;
        error = null;
        try
        {
            if (JsonNode.Parse(string.IsNullOrWhiteSpace(body) ? "null" : body) is JsonObject o)
            {
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
