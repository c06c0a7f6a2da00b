using System.ComponentModel;
using System.Globalization;
using CampaignFlow.Campaigns.Filtering;
using CampaignFlow.Server.Api.Problems;
using Microsoft.AspNetCore.Mvc;

namespace CampaignFlow.Server.Api.Violations;

/// <summary>
/// The query string of <c>GET /violations</c> as written, all text, so the OpenAPI document lists every filter
/// and a bad value reaches <see cref="ViolationFilter"/>, which says what is wrong with it, instead of failing in
/// model binding.
/// </summary>
public sealed record ViolationQueryParameters
{
    /// <summary>One unit.</summary>
    [Description("One unit's id (panyu-ftu).")]
    [FromQuery(Name = "unit")]
    public string? Unit { get; init; }

    /// <summary>A body.</summary>
    [Description("Every unit whose plan's parent chain includes this body (weidu-district).")]
    [FromQuery(Name = "body")]
    public string? Body { get; init; }

    /// <summary>A plan.</summary>
    [Description("A plan's id.")]
    [FromQuery(Name = "plan")]
    public string? Plan { get; init; }

    /// <summary>A requirement.</summary>
    [Description("A requirement's id (weekly-study:period-minimum).")]
    [FromQuery(Name = "requirement")]
    public string? Requirement { get; init; }

    /// <summary>A phase.</summary>
    [Description("A phase's id (study).")]
    [FromQuery(Name = "phase")]
    public string? Phase { get; init; }

    /// <summary>A period.</summary>
    [Description("A period as violations name it (2014-W10, 2014-05, 2014-Q1, window), or a calendar period in Chinese (2014年第10周, 2014年5月, 2014年第1季度).")]
    [FromQuery(Name = "period")]
    public string? Period { get; init; }

    /// <summary>required or soft.</summary>
    [Description("required or soft.")]
    [FromQuery(Name = "severity")]
    public string? Severity { get; init; }

    /// <summary>open or resolved.</summary>
    [Description("open or resolved.")]
    [FromQuery(Name = "status")]
    public string? Status { get; init; }

    /// <summary>First day.</summary>
    [Description("Periods ending on or after this day (yyyy-MM-dd).")]
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>Last day.</summary>
    [Description("Periods starting on or before this day (yyyy-MM-dd).")]
    [FromQuery(Name = "to")]
    public string? To { get; init; }

    /// <summary>How many to skip.</summary>
    [Description("How many matches to skip (default 0), in JSON and CSV alike.")]
    [FromQuery(Name = "offset")]
    public string? Offset { get; init; }

    /// <summary>How many to return.</summary>
    [Description("How many to return, 1 to 1000 (default 100; a CSV export without it has every match from offset on).")]
    [FromQuery(Name = "limit")]
    public string? Limit { get; init; }

    /// <summary>json or csv; when absent the Accept header chooses.</summary>
    [Description("json or csv (anything else is 400); wins over the Accept header. csv: the matches as CSV (as with 'Accept: text/csv'), paged by offset and limit when written.")]
    [FromQuery(Name = "format")]
    public string? Format { get; init; }

    /// <summary>Reads the filters, checked as every door checks them.</summary>
    /// <param name="problem">When the result is null: the bad value, the parameter, and what would be right.</param>
    public ViolationFilter? ToFilter(out (string Value, string Parameter, QueryExpectation Expected)? problem)
    {
        var filter = ViolationFilter.Read(Written, out var bad);
        problem = bad is null ? null : (bad.Value, bad.Parameter, bad.Expected switch
        {
            FilterExpectation.Status => new QueryExpectation("expect-one-of", "open | resolved"),
            FilterExpectation.Severity => new QueryExpectation("expect-one-of", "required | soft"),
            FilterExpectation.Day => new QueryExpectation("expect-day"),
            FilterExpectation.FromNotAfterTo => new QueryExpectation("expect-day-not-after-to"),
            FilterExpectation.Offset => new QueryExpectation("expect-whole-from", "0"),
            _ => new QueryExpectation("expect-whole-between", "1", ViolationFilter.MaxLimit.ToString(CultureInfo.InvariantCulture)),
        });
        return filter;
    }

    private string? Written(string parameter) => parameter switch
    {
        "unit" => Unit,
        "body" => Body,
        "plan" => Plan,
        "requirement" => Requirement,
        "phase" => Phase,
        "period" => Period,
        "severity" => Severity,
        "status" => Status,
        "from" => From,
        "to" => To,
        "offset" => Offset,
        "limit" => Limit,
        _ => null,
    };
}
