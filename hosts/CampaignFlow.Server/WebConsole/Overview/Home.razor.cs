using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Server.WebConsole.Overview;

/// <summary>
/// <c>/</c>: where a reader starts. An auditor of a body goes straight to the body's overview, a recorder to its unit
/// and a supervision group to its reviews; everyone else (admin, an auditor of everything) sees the bodies and units
/// they may read.
/// </summary>
public partial class Home
{
    // A page of links, not a directory: a province's 10,000 units are reached from its bodies' overviews.
    private const int MaxUnitsListed = 200;

    private IReadOnlyList<(string Body, int Units)> _bodies = [];
    private IReadOnlyList<CampaignUnit> _units = [];

    /// <summary>The link to a unit's page.</summary>
    /// <param name="unitId">The unit.</param>
    public static string UnitLink(string unitId) => $"/console/units/{Uri.EscapeDataString(unitId)}";

    /// <inheritdoc/>
    protected override void OnInitialized()
    {
        var caller = Request.Caller!;
        if (caller.Grant is { Role: Security.AccessRole.Auditor, Body: { } body })
        {
            Navigation.NavigateTo($"/console/bodies/{Uri.EscapeDataString(body)}");
            return;
        }

        if (caller.Grant is { Role: Security.AccessRole.Recorder, Unit: { } unit })
        {
            Navigation.NavigateTo(UnitLink(unit));
            return;
        }

        // A supervision group's work starts at what waits for its review, with its group's page linked there.
        if (caller.Grant.Role == Security.AccessRole.Reviewer)
        {
            Navigation.NavigateTo(Reviewing.ReviewPage.Path);
            return;
        }

        _units = caller.ReadableUnits();
        // Every body above a readable unit, when the caller reads all of the body's units (as the overview demands);
        // a body that runs a campaign of its own (a district committee) is one of its units.
        _bodies = _units.SelectMany(u => Units.BodiesAbove(u)).Distinct(StringComparer.Ordinal)
            .Select(b => (Body: b, Under: Units.Under(b)))
            .Where(b => b.Under.All(caller.CanRead))
            .Select(b => (b.Body, b.Under.Count))
            .OrderByDescending(b => b.Count).ThenBy(b => b.Body, StringComparer.Ordinal).ToArray();
    }

    private string NameOf(string body) => Units.NameOf(body);
}
