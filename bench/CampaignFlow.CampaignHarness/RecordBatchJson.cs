using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CampaignFlow.CampaignHarness;

/// <summary>
/// A week's records of one unit as the JSON array <c>POST /units/{unit}/records</c> takes, with the keys of the
/// activity-log format (docs/activity-log-format.md), as the seed's unit logs write them.
/// </summary>
internal static class RecordBatchJson
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Write(ReadOnlySpan<PlannedRecord> records)
    {
        var buffer = new ArrayBufferWriter<byte>(256 * records.Length);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartArray();
            foreach (var record in records)
            {
                json.WriteStartObject();
                var (activity, prefix) = Names(record.Kind);
                json.WriteString("key", prefix + "-" + record.Ordinal.ToString(CultureInfo.InvariantCulture));
                json.WriteString("activity", activity);
                json.WriteString("on", record.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                switch (record.Kind)
                {
                    case RecordKind.MassEvaluation:
                        json.WriteStartObject("with");
                        json.WriteString("participantGroup", CampaignLogs.Groups[record.Attribute]);
                        json.WriteEndObject();
                        break;
                    case RecordKind.ContactPoint:
                        json.WriteString("hours", "半天");
                        break;
                    case RecordKind.BaseVisit:
                        json.WriteString("hours", record.Ordinal % 2 == 0 ? "1天" : "半天");
                        json.WriteStartObject("with");
                        json.WriteString("base", CampaignLogs.Bases[record.Attribute]);
                        json.WriteEndObject();
                        break;
                    case RecordKind.Revisit:
                    default:
                        break;
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    // The activity id of 魏都区委's vocabulary and the key prefix the seed's logs use for it.
    internal static (string Activity, string Prefix) Names(RecordKind kind) => kind switch
    {
        RecordKind.MassEvaluation => ("mass-evaluation", "mass-evaluation"),
        RecordKind.ContactPoint => ("contact-point-opinions", "contact-point"),
        RecordKind.BaseVisit => ("base-visit", "base-visit"),
        RecordKind.Revisit => ("revisit", "revisit"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
