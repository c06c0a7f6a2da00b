using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CampaignFlow.Cli.Importing;

/// <summary>
/// A YAML activity log (docs/activity-log-format.md: <c>records:</c> a list, or the list alone), read record by record
/// from the parser's events so a large log is never held whole; each record is sent as a JSON object on a line of its
/// own, typed as YAML types it (a plain <c>true</c> or <c>4</c> stays a boolean or a number, anything quoted stays text),
/// which the API reads as the YAML it also is.
/// </summary>
internal sealed partial class YamlRecordFile(string path) : IRecordFile
{
    private readonly FileStream _file = File.OpenRead(path);

    public string MediaType => "application/json";

    public double Progress => _file.Length == 0 ? 1 : (double)_file.Position / _file.Length;

    public IEnumerable<ImportedRecord> Records()
    {
        using var reader = new StreamReader(_file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        var parser = new Parser(reader);
        Next(parser, p => p.Consume<StreamStart>());
        if (Next(parser, p => p.TryConsume<StreamEnd>(out _)))
        {
            yield break;
        }

        Next(parser, p => p.Consume<DocumentStart>());
        if (Next(parser, p => p.Accept<SequenceStart>(out _)))
        {
            foreach (var record in Sequence(parser))
            {
                yield return record;
            }

            yield break;
        }

        Next(parser, p => p.Consume<MappingStart>());
        while (!Next(parser, p => p.TryConsume<MappingEnd>(out _)))
        {
            var key = Next(parser, p => p.Consume<Scalar>());
            if (key.Value == "records" && Next(parser, p => p.Accept<SequenceStart>(out _)))
            {
                foreach (var record in Sequence(parser))
                {
                    yield return record;
                }
            }
            else
            {
                Next(parser, p => { p.SkipThisAndNestedEvents(); return true; });
            }
        }
    }

    public (string Body, int[] FirstLines) Compose(IReadOnlyList<ImportedRecord> records)
    {
        // "[", then one object a line: record i is on line i + 2.
        var body = "[\n" + string.Join(",\n", records.Select(r => r.Text)) + "\n]";
        return (body, [.. Enumerable.Range(2, records.Count)]);
    }

    public void Dispose() => _file.Dispose();

    private static IEnumerable<ImportedRecord> Sequence(Parser parser)
    {
        Next(parser, p => p.Consume<SequenceStart>());
        while (!Next(parser, p => p.TryConsume<SequenceEnd>(out _)))
        {
            var line = (int)parser.Current!.Start.Line;
            var node = Next(parser, Node);
            yield return new ImportedRecord(line, node?.ToJsonString() ?? "null");
        }
    }

    private static JsonNode? Node(IParser parser)
    {
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return Value(scalar);
        }

        if (parser.TryConsume<SequenceStart>(out _))
        {
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(Node(parser));
            }

            return array;
        }

        if (parser.TryConsume<MappingStart>(out _))
        {
            var mapping = new JsonObject();
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = parser.Consume<Scalar>();
                // A key written twice is the server's finding to make; the last value is the one sent.
                mapping[key.Value] = Node(parser);
            }

            return mapping;
        }

        var other = parser.Current!;
        throw new YamlException(other.Start, other.End, "anchors and aliases are not read in activity logs");
    }

    private static JsonNode? Value(Scalar scalar)
    {
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(scalar.Value);
        }

        switch (scalar.Value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }

        // A plain number YAML would read as one, written as JSON writes numbers; anything else (2014-02-14, 半天) is text.
        return JsonNumber().IsMatch(scalar.Value) ? JsonNode.Parse(scalar.Value) : JsonValue.Create(scalar.Value);
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?$")]
    private static partial Regex JsonNumber();

    // Every step of the parser, with YAML's syntax errors turned into the file's line and column.
    private static T Next<T>(Parser parser, Func<Parser, T> step)
    {
        try
        {
            return step(parser);
        }
        catch (YamlException e)
        {
            throw new RecordFileException((int)e.Start.Line, (int)e.Start.Column, e.Message, e);
        }
        catch (JsonException e)
        {
            throw new RecordFileException((int)(parser.Current?.Start.Line ?? 0), 1, e.Message, e);
        }
    }
}
