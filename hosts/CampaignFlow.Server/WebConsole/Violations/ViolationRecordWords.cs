using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.WebConsole.Shell;

namespace CampaignFlow.Server.WebConsole.Violations;

/// <summary>
/// What the records a violation names are — their kind's title and their day (集中学习（2014年3月7日）) — read from its
/// unit's records in the words of the plan version it was found under, so that an auditor need not know the keys a
/// recorder or an import gave. One violation's page and the list of violations say them so alike.
/// </summary>
public static class ViolationRecordWords
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>The plan version the violation was found under (a version published since runs beside it), or null when it is not stored.</summary>
    /// <param name="service">The running campaigns.</param>
    /// <param name="violation">The violation.</param>
    public static ResolvedPlan? PlanOf(CampaignService service, StoredViolation violation) =>
        service.PlanVersions(violation.PlanId).FirstOrDefault(p => p.Version == violation.PlanVersion);

    /// <summary>
    /// For each violation (by id), the words of each record key it names that its unit stored; a key the unit never
    /// stored, or a violation whose plan version is not known, has none (the key is shown alone). Each unit's records
    /// are read once.
    /// </summary>
    /// <param name="service">The running campaigns.</param>
    /// <param name="request">The reader's language.</param>
    /// <param name="named">Each violation, the plan version it was found under, and the record keys it names.</param>
    /// <param name="ct">Cancels the reads.</param>
    public static async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> ReadAsync(
        CampaignService service, ConsoleRequest request, IEnumerable<(StoredViolation Violation, ResolvedPlan? Plan, IReadOnlyCollection<string> Keys)> named, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(request);
        var words = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var unit in named.Where(n => n.Plan is not null && n.Keys.Count > 0).GroupBy(n => n.Violation.Unit, StringComparer.Ordinal))
        {
            if (await service.ReadRecordsAsync(unit.Key, ct: ct).ConfigureAwait(false) is not { } records)
            {
                continue;
            }

            // A key stored again later (a correction) is what it says last.
            var byKey = records.GroupBy(r => r.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
            foreach (var (violation, plan, keys) in unit)
            {
                words[violation.Id] = keys.Where(byKey.ContainsKey).Distinct(StringComparer.Ordinal).ToDictionary(
                    key => key,
                    key => request.T("record-words", plan!.Vocabulary.KindTitle(byKey[key].Kind) ?? byKey[key].Kind, request.Day(byKey[key].Day)),
                    StringComparer.Ordinal);
            }
        }

        return words;
    }

    /// <summary>The words of <paramref name="violationId"/>'s records from <see cref="ReadAsync"/>, or none.</summary>
    /// <param name="read">What <see cref="ReadAsync"/> returned.</param>
    /// <param name="violationId">A violation's id.</param>
    public static IReadOnlyDictionary<string, string> Of(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> read, string violationId) =>
        read.TryGetValue(violationId, out var words) ? words : None;
}
