using CampaignFlow.Bench.Units;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.CampaignHarness;

/// <summary>
/// What the campaign must end with, from the gaps the generator made: every unit that never made up its gap has its
/// requirement's violation open, and nothing else open; every unit that made it up late resolved a violation with
/// that post; 魏都区委's requirement over its units' visits to contact points is open when an organ or a street never
/// visited one. 魏都区委's other requirements over its units are reported, not checked (how a unit short of one
/// participant group counts there is the district's rule, not the generator's).
/// </summary>
internal sealed class ViolationCheck
{
    private ViolationCheck(int open, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> notResolved, IReadOnlyList<string> district)
    {
        Open = open;
        Missing = missing;
        Unexpected = unexpected;
        NotResolved = notResolved;
        District = district;
    }

    /// <summary>Open violations at the end.</summary>
    public int Open { get; }

    /// <summary>Expected open violations (unit/action) that are not open: fewer violations than the gaps imply.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Open violations of units (not 魏都区委) that no gap explains.</summary>
    public IReadOnlyList<string> Unexpected { get; }

    /// <summary>Units that posted a late record whose posts resolved nothing.</summary>
    public IReadOnlyList<string> NotResolved { get; }

    /// <summary>魏都区委's open violations, by action.</summary>
    public IReadOnlyList<string> District { get; }

    public bool Passed => Missing.Count == 0 && Unexpected.Count == 0 && NotResolved.Count == 0;

    public static async Task<ViolationCheck> RunAsync(CampaignService service, IReadOnlyList<UnitLog> logs, IReadOnlyDictionary<string, int> resolvedByUnit, CancellationToken ct)
    {
        var open = new List<StoredViolation>();
        for (var offset = 0; ; offset += 5000)
        {
            var page = await service.QueryViolationsAsync(new ViolationQuery { Status = ViolationStatus.Open, Offset = offset, Limit = 5000 }, ct);
            open.AddRange(page.Items);
            if (page.Items.Count < 5000)
            {
                break;
            }
        }

        var actual = open.Where(v => v.Unit != TreeUnits.DistrictUnitId).Select(v => v.Unit + "/" + v.ActionId).ToHashSet(StringComparer.Ordinal);
        var permanent = logs.Where(l => l.Gap is { Late: false }).ToArray();
        var expected = permanent.Select(l => l.UnitId + "/" + l.Gap!.ActionId).ToHashSet(StringComparer.Ordinal);
        var district = open.Where(v => v.Unit == TreeUnits.DistrictUnitId).Select(v => v.ActionId).ToHashSet(StringComparer.Ordinal);
        var missing = expected.Where(e => !actual.Contains(e)).Order(StringComparer.Ordinal).ToList();
        if (permanent.Any(l => l.Gap!.ActionId == "contact-point-opinions" && CampaignLogs.DistrictContactPointKinds.Contains(l.Kind)) && !district.Contains("units-contact-points"))
        {
            missing.Add(TreeUnits.DistrictUnitId + "/units-contact-points");
        }

        var unexpected = actual.Where(a => !expected.Contains(a)).Order(StringComparer.Ordinal).ToList();
        if (!logs.Any(l => l.Gap is not null))
        {
            unexpected.AddRange(district.Select(d => TreeUnits.DistrictUnitId + "/" + d));
        }

        var notResolved = logs.Where(l => l.Gap is { Late: true } && resolvedByUnit.GetValueOrDefault(l.UnitId) == 0).Select(l => l.UnitId + "/" + l.Gap!.ActionId).ToList();
        return new ViolationCheck(open.Count, missing, unexpected, notResolved, district.Order(StringComparer.Ordinal).ToList());
    }
}
