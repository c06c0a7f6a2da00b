using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;

namespace CampaignFlow.Server.Api.Compliance;

/// <summary>The query string of <c>GET /bodies/{body}/compliance/history</c> as written.</summary>
public sealed record HistoryQueryParameters
{
    /// <summary>The first day.</summary>
    [Description("The first day to list, as yyyy-MM-dd (default: the first day a violation opened).")]
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>The last day.</summary>
    [Description("The last day to list, as yyyy-MM-dd (default: the last day the count changed).")]
    [FromQuery(Name = "to")]
    public string? To { get; init; }
}
