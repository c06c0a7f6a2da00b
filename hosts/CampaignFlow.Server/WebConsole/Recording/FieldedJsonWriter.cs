using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// A record written as indented JSON, one key a line, remembering which form field each line came from: the campaign
/// service reports every finding at its value's line, so a form can show the finding beside the field.
/// </summary>
internal sealed class FieldedJsonWriter : IDisposable
{
    private readonly ArrayBufferWriter<byte> _buffer = new();
    private readonly List<(int Line, string Field)> _starts = [];

    public FieldedJsonWriter() =>
        Json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    /// <summary>The writer of the values.</summary>
    public Utf8JsonWriter Json { get; }

    /// <summary>Writes a key whose value comes from <paramref name="field"/> ("" for the record as a whole).</summary>
    public void Name(string name, string field)
    {
        Json.WritePropertyName(name);
        Json.Flush();
        // The indented writer puts the newline before the name, so the name is on the line after the last one.
        _starts.Add((_buffer.WrittenSpan.Count((byte)'\n') + 1, field));
    }

    /// <summary>The JSON written, and the line (1-based) each field's key starts on.</summary>
    public (string Text, IReadOnlyList<(int Line, string Field)> Starts) Finish()
    {
        Json.Flush();
        return (Encoding.UTF8.GetString(_buffer.WrittenSpan), _starts);
    }

    public void Dispose() => Json.Dispose();
}
