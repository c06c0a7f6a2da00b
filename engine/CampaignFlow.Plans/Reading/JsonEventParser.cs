using System.Text;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CampaignFlow.Plans.Reading;

/// <summary>
/// A JSON text as the YAML parser's events, read by System.Text.Json: the node tree built from them is the one
/// YamlDotNet builds from the same text (strings double-quoted, numbers, booleans and null plain), with every start
/// mark at the JSON text's own line and column, so findings point into the caller's text as before — at a fraction of
/// the cost of YamlDotNet's character-by-character scanner, which was most of the time a batch of records took to read.
/// One difference is deliberate: a raw U+2028 or U+0085 inside a string is kept, as JSON says, where YAML folded it.
/// </summary>
internal sealed class JsonEventParser : IParser
{
    private readonly List<ParsingEvent> _events;
    private int _next;

    private JsonEventParser(List<ParsingEvent> events) => _events = events;

    /// <inheritdoc/>
    public ParsingEvent? Current { get; private set; }

    /// <summary>The parser of <paramref name="json"/>, or the first syntax error: its line, column (in characters, from 1) and reason.</summary>
    /// <param name="json">The text.</param>
    /// <param name="parser">The parser, when the text is well-formed JSON.</param>
    /// <param name="error">Where and why it is not.</param>
    public static bool TryCreate(string json, out JsonEventParser? parser, out (int Line, int Column, string Reason) error)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var marks = new MarkCursor(bytes);
        var events = new List<ParsingEvent> { new StreamStart(), new DocumentStart() };
        var reader = new Utf8JsonReader(bytes);
        parser = null;
        try
        {
            while (reader.Read())
            {
                var start = marks.At((int)reader.TokenStartIndex);
                var end = marks.At((int)reader.BytesConsumed);
                events.Add(reader.TokenType switch
                {
                    JsonTokenType.StartObject => new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Flow, start, end),
                    JsonTokenType.EndObject => new MappingEnd(start, end),
                    JsonTokenType.StartArray => new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow, start, end),
                    JsonTokenType.EndArray => new SequenceEnd(start, end),
                    JsonTokenType.PropertyName or JsonTokenType.String => Quoted(ref reader, start, end),
                    _ => new Scalar(AnchorName.Empty, TagName.Empty, Encoding.UTF8.GetString(reader.ValueSpan), ScalarStyle.Plain, true, false, start, end),
                });
            }
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0);
            error = (line + 1, CharacterColumn(json, line, (int)(e.BytePositionInLine ?? 0)), Reason(e.Message));
            return false;
        }
        catch (LoneSurrogateException e)
        {
            error = ((int)e.At.Line, (int)e.At.Column, "a string holds half of a surrogate pair (\\ud800…\\udfff alone)");
            return false;
        }

        var last = marks.At(bytes.Length);
        events.Add(new DocumentEnd(true, last, last));
        events.Add(new StreamEnd(last, last));
        parser = new JsonEventParser(events);
        error = default;
        return true;
    }

    /// <inheritdoc/>
    public bool MoveNext()
    {
        if (_next >= _events.Count)
        {
            Current = null;
            return false;
        }

        Current = _events[_next++];
        return true;
    }

    // JSON's grammar allows an escape of half a surrogate pair ("\ud800"), but no text holds one: such a string is malformed.
    private static Scalar Quoted(ref Utf8JsonReader reader, Mark start, Mark end)
    {
        string value;
        try
        {
            value = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new LoneSurrogateException(start);
        }

        return new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.DoubleQuoted, false, true, start, end);
    }

    // System.Text.Json counts UTF-8 bytes within the line; an editor counts characters, and Chinese takes three bytes.
    private static int CharacterColumn(string text, int line, int bytes)
    {
        var lines = text.Split('\n');
        if (line >= lines.Length)
        {
            return bytes + 1;
        }

        var utf8 = Encoding.UTF8.GetBytes(lines[line]);
        return Encoding.UTF8.GetCharCount(utf8, 0, Math.Min(bytes, utf8.Length)) + 1;
    }

    // "'x' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 1." → what comes before the position;
    // the position is reported separately, counted from 1.
    private static string Reason(string message)
    {
        var cuts = new[] { message.IndexOf(" Path:", StringComparison.Ordinal), message.IndexOf(" LineNumber:", StringComparison.Ordinal) }.Where(i => i > 0).ToArray();
        return (cuts.Length > 0 ? message[..cuts.Min()] : message).TrimEnd(' ');
    }

    private sealed class LoneSurrogateException(Mark at) : Exception
    {
        public Mark At { get; } = at;
    }

    /// <summary>
    /// Lines and character columns of byte offsets asked for in increasing order, counted once over the text: each
    /// byte is looked at once however many tokens there are.
    /// </summary>
    private sealed class MarkCursor(byte[] bytes)
    {
        private int _offset;
        private int _line = 1;
        private int _column = 1;

        public Mark At(int offset)
        {
            for (; _offset < offset && _offset < bytes.Length; _offset++)
            {
                var b = bytes[_offset];
                if (b == (byte)'\n')
                {
                    _line++;
                    _column = 1;
                }
                else if ((b & 0xC0) != 0x80)
                {
                    // A character starts at every byte that is not a UTF-8 continuation byte; one of four bytes (an
                    // emoji) is two UTF-16 units, as YamlDotNet and editors count it.
                    _column += b >= 0xF0 ? 2 : 1;
                }
            }

            return new Mark(_offset, _line, _column);
        }
    }
}
