namespace CampaignFlow.Bench.Units;

/// <summary>
/// The statutory holidays the seed plans name (<c>calendar.holidays: calendar/china.holidays.yaml</c>, relative to the
/// plan): a generated definitions folder holding a copy of a seed plan needs them beside it.
/// </summary>
public static class HolidayFiles
{
    /// <summary>Copies <c>calendar/*.holidays.yaml</c> of <paramref name="source"/> into <paramref name="target"/>.</summary>
    /// <param name="source">The repository's definitions folder.</param>
    /// <param name="target">The generated folder.</param>
    public static void CopyInto(string source, string target)
    {
        var folder = Path.Combine(source, "calendar");
        if (!Directory.Exists(folder))
        {
            return;
        }

        Directory.CreateDirectory(Path.Combine(target, "calendar"));
        foreach (var holidays in Directory.EnumerateFiles(folder, "*.holidays.yaml"))
        {
            File.Copy(holidays, Path.Combine(target, "calendar", Path.GetFileName(holidays)), overwrite: true);
        }
    }
}
