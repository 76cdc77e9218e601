using System.Text;
using System.Text.Json;

namespace CommitteeCloud.Web.Features.TenantTrees;

/// <summary>
/// Where each value of a JSON document is: the 1-based line of every path (<c>tenants[3].parent</c>,
/// <c>people[0]</c>, <c>tenants[1].members[0].roles[2]</c>), found in one pass with <see cref="Utf8JsonReader"/>.
/// Deserialization forgets positions; this lets a rule checked afterwards still point at the line to fix.
/// </summary>
public sealed class JsonLineMap
{
    /// <summary>A value's line, its token and, for strings, its text (to quote it back in a message).</summary>
    public sealed record Entry(int Line, JsonTokenType Token, string? Text);

    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public static readonly JsonLineMap Empty = new();

    public IEnumerable<string> Paths => _entries.Keys;

    public bool Contains(string path) => _entries.ContainsKey(path);

    public Entry? Find(string path) => _entries.GetValueOrDefault(path);

    /// <summary>The line of <paramref name="path"/> or, when it is absent (a missing field), of its nearest parent.</summary>
    public int? LineOf(string path)
    {
        for (var p = path; ; p = Parent(p))
        {
            if (_entries.TryGetValue(p, out var entry)) return entry.Line;
            if (p.Length == 0) return null;
        }
    }

    /// <summary><c>a[1].b</c> → <c>a[1]</c> → <c>a</c> → the root (empty).</summary>
    public static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    /// <summary>Reads the whole document; a syntax error throws <see cref="JsonSyntaxException"/> with its line and path.</summary>
    public static JsonLineMap Read(ReadOnlySpan<byte> json, JsonReaderOptions options)
    {
        var map = new JsonLineMap();
        var reader = new Utf8JsonReader(json, options);
        var containers = new Stack<Container>();
        string? property = null;
        var line = 1;
        var counted = 0;
        string current = "";

        int LineAt(ReadOnlySpan<byte> bytes, long offset)
        {
            // Tokens come in order, so counting newlines from the last token keeps the whole pass linear.
            for (; counted < offset; counted++)
            {
                if (bytes[counted] == (byte)'\n') line++;
            }
            return line;
        }

        string NextValuePath()
        {
            if (containers.Count == 0) return "";
            var top = containers.Peek();
            if (top.IsArray) return $"{top.Path}[{top.Count++}]";
            return property ?? top.Path;
        }

        try
        {
            while (reader.Read())
            {
                var at = LineAt(json, reader.TokenStartIndex);
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var parent = containers.Peek().Path;
                        var name = reader.GetString()!;
                        property = current = parent.Length == 0 ? name : $"{parent}.{name}";
                        map._entries.TryAdd(current, new Entry(at, JsonTokenType.PropertyName, null));
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        current = NextValuePath();
                        map.Record(current, at, reader.TokenType, null);
                        containers.Push(new Container(current, reader.TokenType == JsonTokenType.StartArray));
                        property = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        containers.Pop();
                        property = null;
                        current = containers.Count == 0 ? "" : containers.Peek().Path;
                        break;
                    default:
                        current = NextValuePath();
                        map.Record(current, at, reader.TokenType, reader.TokenType == JsonTokenType.String ? reader.GetString() : null);
                        property = null;
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut > 0) message = message[..cut].TrimEnd();
            throw new JsonSyntaxException((int)(ex.LineNumber ?? line - 1) + 1, property ?? current, message);
        }
        return map;
    }

    /// <summary>A property's own line wins over its value's, which may start further down; the token is the value's.</summary>
    private void Record(string path, int line, JsonTokenType token, string? text) =>
        _entries[path] = _entries.TryGetValue(path, out var known) ? known with { Token = token, Text = text } : new Entry(line, token, text);

    /// <summary>Decodes a file's bytes for the reader: a UTF-8 byte order mark is not JSON.</summary>
    public static ReadOnlySpan<byte> WithoutBom(byte[] bytes) =>
        bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? bytes.AsSpan(Encoding.UTF8.Preamble.Length) : bytes;

    private sealed class Container(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int Count { get; set; }
    }
}

/// <summary>The document is not JSON: where the reader stopped and why.</summary>
public sealed class JsonSyntaxException(int line, string path, string message) : Exception(message)
{
    public int Line { get; } = line;
    public string Path { get; } = path;
}
