using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace CampaignFlow.Server.Api.Groups;

/// <summary>
/// The query string of <c>GET /groups/{id}</c> as written, all text, so a bad value reaches <see cref="GroupWorkPaging"/>,
/// which says what is wrong with it, instead of failing in model binding.
/// </summary>
public sealed record GroupWorkQueryParameters
{
    /// <summary>The page.</summary>
    [Description("Which page of the units, from 1 (default 1); a page past the last has no units, the totals still count every unit.")]
    [FromQuery(Name = "page")]
    public string? Page { get; init; }

    /// <summary>Units per page.</summary>
    [Description("Units per page, 1 to 1000 (default 50).")]
    [FromQuery(Name = "pageSize")]
    public string? PageSize { get; init; }
}
