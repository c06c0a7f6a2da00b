using System.Globalization;
using System.Text;

namespace CampaignFlow.CampaignHarness;

/// <summary>
/// Several units' records as the CSV <c>POST /records</c> takes: a <c>unit</c> column beside the record keys of the
/// activity-log format, the same records <see cref="RecordBatchJson"/> writes for one unit.
/// </summary>
internal static class RecordBatchCsv
{
    public static byte[] Write(IReadOnlyList<WeekBatch> parts)
    {
        var csv = new StringBuilder("unit,key,activity,on,hours,with\n");
        foreach (var part in parts)
        {
            foreach (var record in part.Records)
            {
                var (activity, prefix) = RecordBatchJson.Names(record.Kind);
                var (hours, with) = record.Kind switch
                {
                    RecordKind.MassEvaluation => ("", "participantGroup=" + CampaignLogs.Groups[record.Attribute]),
                    RecordKind.ContactPoint => ("半天", ""),
                    RecordKind.BaseVisit => (record.Ordinal % 2 == 0 ? "1天" : "半天", "base=" + CampaignLogs.Bases[record.Attribute]),
                    _ => ("", ""),
                };
                csv.Append(CultureInfo.InvariantCulture, $"{part.Log.UnitId},{prefix}-{record.Ordinal},{activity},{record.Day:yyyy-MM-dd},{hours},{with}\n");
            }
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }
}
