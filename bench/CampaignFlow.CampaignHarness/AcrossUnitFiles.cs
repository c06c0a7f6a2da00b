namespace CampaignFlow.CampaignHarness;

/// <summary>
/// Cuts units' batches, in the order given (unit after unit, as a body's export lists them), into files of a number
/// of records whatever unit a cut falls in: a unit's batch may end one file and begin the next.
/// </summary>
internal static class AcrossUnitFiles
{
    public static List<IReadOnlyList<WeekBatch>> Cut(IEnumerable<WeekBatch> batches, int perFile)
    {
        var files = new List<IReadOnlyList<WeekBatch>>();
        var parts = new List<WeekBatch>();
        var room = perFile;
        foreach (var batch in batches)
        {
            for (var at = 0; at < batch.Records.Count;)
            {
                var take = Math.Min(room, batch.Records.Count - at);
                parts.Add(batch with { Records = batch.Records.Slice(at, take) });
                at += take;
                room -= take;
                if (room == 0)
                {
                    files.Add(parts);
                    parts = [];
                    room = perFile;
                }
            }
        }

        if (parts.Count > 0)
        {
            files.Add(parts);
        }

        return files;
    }
}
