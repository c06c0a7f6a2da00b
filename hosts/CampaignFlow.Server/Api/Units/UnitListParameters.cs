using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace CampaignFlow.Server.Api.Units;

/// <summary>The query string of <c>GET /units</c> as written, all text, so a bad value is answered with what is wrong.</summary>
public sealed record UnitListParameters
{
    /// <summary>A body.</summary>
    [Description("Only the units under this body (weidu-district), through bodies that run no campaign.")]
    [FromQuery(Name = "body")]
    public string? Body { get; init; }

    /// <summary>The order.</summary>
    [Description("behind: most open violations first, then most days overdue, each unit with those counts; tree (default): the units as they run.")]
    [FromQuery(Name = "sort")]
    public string? Sort { get; init; }

    /// <summary>The day for days overdue.</summary>
    [Description("With sort=behind: the day days overdue are counted to, as yyyy-MM-dd (default: yesterday).")]
    [FromQuery(Name = "at")]
    public string? At { get; init; }
}
