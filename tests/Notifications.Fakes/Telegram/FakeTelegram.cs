using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using static Notifications.Fakes.FakeRequests;

namespace Notifications.Fakes.Telegram;

/// <summary>
/// The Telegram Bot API at /telegram/bot{token}/{sendMessage|sendPhoto}. Parses HTML parse mode the way Telegram does
/// (only its tags, balanced, "can't parse entities" otherwise), counts the text after parsing (4096 per message, 1024
/// per caption) and answers like Telegram: {"ok":true,"result":…} or {"ok":false,"error_code":…,"description":…}.
/// A token containing "revoked" gives 401 Unauthorized; chat "-100403" 403 "bot is not a member of the channel chat";
/// chat "-100404" 400 "chat not found". The parts of one delivery (header X-Notification-Part: i/n) are recorded
/// together as one JSON array; sendPhoto is recorded as its form fields.
/// </summary>
public static partial class FakeTelegram
{
    public const string Provider = "telegram";
    public const int MessageLimit = 4096, CaptionLimit = 1024;
    private static readonly HashSet<string> Tags = ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "tg-emoji", "code", "pre", "blockquote"];

    public static void Map(WebApplication app, RecordedRequests recorded, ScriptedFailures scripted)
    {
        var groups = new ConcurrentDictionary<string, List<JsonNode>>();
        var messageIds = 0;
        app.MapPost("/telegram/bot{token}/{method}", async (string token, string method, HttpRequest request) =>
        {
            if (token.Contains("revoked", StringComparison.Ordinal) || !token.Contains(':')) return Error(401, "Unauthorized");
            if (method is not ("sendMessage" or "sendPhoto")) return Error(404, "Not Found");
            if (scripted.TryTake(Provider, out var s)) return ScriptedFailures.Write(s, request.HttpContext.Response);

            var fields = new JsonObject();
            byte[]? photo = null;
            if (request.HasFormContentType)
            {
                var form = await request.ReadFormAsync();
                foreach (var (key, value) in form) fields[key] = value.ToString();
                if (form.Files.GetFile("photo") is { } file)
                {
                    using var data = new MemoryStream();
                    await file.CopyToAsync(data);
                    photo = data.ToArray();
                    fields["photo"] = $"{file.FileName} ({file.ContentType}, {photo.Length} bytes)";
                }
            }
            else if (await JsonObjectAsync(request) is { } json) fields = json;
            else return Error(400, "Bad Request: invalid request body");

            var chat = fields["chat_id"]?.ToString();
            if (string.IsNullOrEmpty(chat)) return Error(400, "Bad Request: chat_id is empty");
            if (chat == "-100403") return Error(403, "Forbidden: bot is not a member of the channel chat");
            if (chat == "-100404") return Error(400, "Bad Request: chat not found");

            var isPhoto = method == "sendPhoto";
            var text = Str(fields[isPhoto ? "caption" : "text"]) ?? "";
            if (isPhoto && photo is null && Str(fields["photo"]) is not { Length: > 0 }) return Error(400, "Bad Request: there is no photo in the request");
            if (isPhoto && photo is not null && !IsPng(photo)) return Error(400, "Bad Request: IMAGE_PROCESS_FAILED");
            var visible = text;
            if (Str(fields["parse_mode"]) is { } mode)
            {
                if (mode != "HTML") return Error(400, $"Bad Request: unsupported parse_mode \"{mode}\" in this fake");
                var (parsed, problem) = ParseHtml(text);
                if (problem is not null) return Error(400, $"Bad Request: can't parse entities: {problem}");
                visible = parsed;
            }
            visible = visible.Trim();
            if (!isPhoto && visible.Length == 0) return Error(400, "Bad Request: message text is empty");
            if (!isPhoto && visible.Length > MessageLimit) return Error(400, "Bad Request: message is too long");
            if (isPhoto && visible.Length > CaptionLimit) return Error(400, "Bad Request: message caption is too long");

            Record(recorded, groups, chat, request.Headers["X-Notification-Part"].ToString(), fields);
            var result = new JsonObject
            {
                ["message_id"] = Interlocked.Increment(ref messageIds),
                ["date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
                ["chat"] = new JsonObject { ["id"] = chat, ["type"] = chat.StartsWith("-100", StringComparison.Ordinal) ? "channel" : "private" },
                [isPhoto ? "caption" : "text"] = visible,
            };
            return Json(new JsonObject { ["ok"] = true, ["result"] = result });
        });
    }

    /// <summary>A 429 as Telegram sends it: parameters.retry_after in the body (and no Retry-After header).</summary>
    public static ScriptedResponse RateLimited(int seconds) => new(429,
        $$$"""{"ok":false,"error_code":429,"description":"Too Many Requests: retry after {{{seconds}}}","parameters":{"retry_after":{{{seconds}}}}}""",
        "application/json");

    // One delivery's parts become one recorded entry: a JSON array when there were several.
    private static void Record(RecordedRequests recorded, ConcurrentDictionary<string, List<JsonNode>> groups, string chat, string part, JsonObject fields)
    {
        var match = PartPattern().Match(part);
        if (!match.Success)
        {
            recorded.Add(Provider, fields);
            return;
        }
        int index = int.Parse(match.Groups[1].Value), count = int.Parse(match.Groups[2].Value);
        if (count == 1)
        {
            recorded.Add(Provider, fields);
            return;
        }
        var group = index == 1 ? groups[chat] = [] : groups.GetOrAdd(chat, _ => []);
        lock (group)
        {
            group.Add(fields.DeepClone());
            if (index == count) recorded.Add(Provider, new JsonArray(group.Select(g => g.DeepClone()).ToArray()));
        }
    }

    [GeneratedRegex(@"^(\d+)/(\d+)$")]
    private static partial Regex PartPattern();

    /// <summary>The visible text of Telegram HTML, or the "can't parse entities" reason.</summary>
    public static (string Text, string? Problem) ParseHtml(string html)
    {
        var visible = new StringBuilder();
        var open = new Stack<string>();
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c == '<')
            {
                var end = html.IndexOf('>', i);
                if (end < 0) return ("", $"Unclosed start tag at byte offset {Offset(html, i)}");
                var tag = html[(i + 1)..end];
                if (tag.StartsWith('/'))
                {
                    var name = tag[1..].Trim().ToLowerInvariant();
                    if (open.Count == 0 || open.Peek() != name)
                        return ("", open.Count == 0 ? $"Unexpected end tag at byte offset {Offset(html, i)}"
                            : $"Can't find end tag corresponding to start tag \"{open.Peek()}\"");
                    open.Pop();
                }
                else
                {
                    var name = new string(tag.TakeWhile(ch => char.IsLetterOrDigit(ch) || ch == '-').ToArray()).ToLowerInvariant();
                    if (!Tags.Contains(name)) return ("", $"Unsupported start tag \"{name}\" at byte offset {Offset(html, i)}");
                    if (name == "a" && !HrefPattern().IsMatch(tag)) return ("", $"Can't parse href of tag \"a\" at byte offset {Offset(html, i)}");
                    open.Push(name);
                }
                i = end + 1;
            }
            else if (c == '&' && EntityPattern().Match(html, i) is { Success: true } entity && entity.Index == i)
            {
                var decoded = WebUtility.HtmlDecode(entity.Value);
                if (decoded == entity.Value) return ("", $"Unsupported HTML entity \"{entity.Value}\" at byte offset {Offset(html, i)}");
                visible.Append(decoded);
                i += entity.Length;
            }
            else if (c == '>') return ("", $"Unsupported character '>' at byte offset {Offset(html, i)}");
            else
            {
                visible.Append(c);
                i++;
            }
        }
        return open.Count > 0 ? ("", $"Can't find end tag corresponding to start tag \"{open.Peek()}\"") : (visible.ToString(), null);
    }

    private static int Offset(string s, int index) => Encoding.UTF8.GetByteCount(s.AsSpan(0, index));

    [GeneratedRegex(@"^a\s+href=""[^""]+""\s*$")]
    private static partial Regex HrefPattern();

    [GeneratedRegex(@"&(#\d+|#x[0-9a-fA-F]+|lt|gt|amp|quot);")]
    private static partial Regex EntityPattern();

    private static IResult Error(int code, string description) =>
        Json(new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description }, code);
}
