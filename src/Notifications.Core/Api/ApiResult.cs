using System.Text.Json;
using System.Text.Json.Serialization;

namespace Notifications.Api;

/// <summary>An HTTP answer both hosts write as is: status, content type and body.</summary>
public sealed record ApiResult(int Status, string ContentType, string Body)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    public static ApiResult Ok(object body, int status = 200) => new(status, "application/json", JsonSerializer.Serialize(body, Json));

    public static ApiResult NoContent() => new(204, "application/json", "");

    public static ApiResult Text(string contentType, string body) => new(200, contentType, body);

    /// <summary>RFC 9457 problem details.</summary>
    public static ApiResult Problem(int status, string title, string? detail = null, ValidationProblems? problems = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["type"] = status == 400 && problems is not null ? "https://tools.ietf.org/html/rfc9110#section-15.5.1" : "about:blank",
            ["title"] = title,
            ["status"] = status,
            ["detail"] = detail,
        };
        if (problems is not null)
        {
            body["errors"] = problems.Errors;
            if (problems.Warnings.Count > 0) body["warnings"] = problems.Warnings;
        }
        return new ApiResult(status, "application/problem+json", JsonSerializer.Serialize(body, Json));
    }

    public static ApiResult Invalid(ValidationProblems problems) =>
        Problem(400, "One or more fields are invalid.", "See 'errors' for each field.", problems);

    public static ApiResult NotFound(string what) => Problem(404, $"{what} was not found.");
}
