using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace CampaignFlow.Server.Api.Compliance;

/// <summary>
/// The query string of <c>GET /bodies/{body}/compliance</c> as written, all text, so a bad value reaches
/// <see cref="ComplianceQuery"/>, which says what is wrong with it, instead of failing in model binding.
/// </summary>
public sealed record ComplianceQueryParameters
{
    /// <summary>The day.</summary>
    [Description("The day the roll-up stands at, at its end, as yyyy-MM-dd (default: yesterday, the last day that has ended).")]
    [FromQuery(Name = "at")]
    public string? At { get; init; }

    /// <summary>A unit kind.</summary>
    [Description("Only units of this kind (unit.kind of their plans: street, district-organs…).")]
    [FromQuery(Name = "kind")]
    public string? Kind { get; init; }

    /// <summary>A phase.</summary>
    [Description("Only requirements of this phase (study).")]
    [FromQuery(Name = "phase")]
    public string? Phase { get; init; }

    /// <summary>The order of the rows.</summary>
    [Description("tree (default: as the organisation tree lists the units) or behind (most open violations, then most days overdue, first).")]
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>Rows to skip.</summary>
    [Description("Rows to skip (default 0).")]
    [FromQuery(Name = "offset")]
    public string? Offset { get; init; }

    /// <summary>Rows to return.</summary>
    [Description("At most this many rows, 1 to 1000 (default 100); the totals count every unit.")]
    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }
}
