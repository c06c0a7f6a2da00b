using System.Globalization;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Server.Api.Problems;

namespace CampaignFlow.Server.Api.Violations;

/// <summary>
/// The query string of <c>GET /violations</c>, checked: dates as <c>yyyy-MM-dd</c> that exist, a known status,
/// paging within bounds. Units are not resolved here; the endpoint narrows them to what the caller may read.
/// </summary>
public sealed record ViolationFilter
{
    /// <summary>The most a page holds.</summary>
    public const int MaxLimit = 1000;

    /// <summary>One unit.</summary>
    public string? Unit { get; init; }

    /// <summary>All units under this body.</summary>
    public string? Body { get; init; }

    /// <summary>The plan.</summary>
    public string? Plan { get; init; }

    /// <summary>The requirement.</summary>
    public string? Requirement { get; init; }

    /// <summary>The phase.</summary>
    public string? Phase { get; init; }

    /// <summary>The period (2014-W10).</summary>
    public string? Period { get; init; }

    /// <summary>required or soft.</summary>
    public string? Severity { get; init; }

    /// <summary>open or resolved.</summary>
    public ViolationStatus? Status { get; init; }

    /// <summary>Periods ending on or after this day.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Periods starting on or before this day.</summary>
    public DateOnly? To { get; init; }

    /// <summary>How many to skip.</summary>
    public int Offset { get; init; }

    /// <summary>How many to return.</summary>
    public int Limit { get; init; } = 100;

    /// <summary>Reads the filter from <paramref name="query"/>.</summary>
    /// <param name="query">The query string as written.</param>
    /// <param name="problem">When the result is null: the bad value, the parameter, and what would be right.</param>
    public static ViolationFilter? Read(ViolationQueryParameters query, out (string Value, string Parameter, QueryExpectation Expected)? problem)
    {
        problem = null;
        string? Text(string name) => (name switch
        {
            "unit" => query.Unit,
            "body" => query.Body,
            "plan" => query.Plan,
            "requirement" => query.Requirement,
            "phase" => query.Phase,
            "period" => query.Period,
            "severity" => query.Severity,
            "status" => query.Status,
            "from" => query.From,
            "to" => query.To,
            "offset" => query.Offset,
            _ => query.Limit,
        }) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        ViolationStatus? status = null;
        if (Text("status") is { } s)
        {
            status = s.ToLowerInvariant() switch
            {
                "open" => ViolationStatus.Open,
                "resolved" => ViolationStatus.Resolved,
                _ => null,
            };
            if (status is null)
            {
                problem = (s, "status", new QueryExpectation("expect-one-of", "open | resolved"));
                return null;
            }
        }

        DateOnly? from = null, to = null;
        foreach (var (name, set) in new (string, Action<DateOnly>)[] { ("from", d => from = d), ("to", d => to = d) })
        {
            if (Text(name) is not { } written)
            {
                continue;
            }

            if (!DateOnly.TryParseExact(written, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                problem = (written, name, new QueryExpectation("expect-day"));
                return null;
            }

            set(day);
        }

        if (from > to)
        {
            problem = (Text("from")!, "from", new QueryExpectation("expect-day-not-after-to"));
            return null;
        }

        var offset = 0;
        if (Text("offset") is { } o && (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            problem = (o, "offset", new QueryExpectation("expect-whole-from", "0"));
            return null;
        }

        var limit = 100;
        if (Text("limit") is { } l && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            problem = (l, "limit", new QueryExpectation("expect-whole-between", "1", MaxLimit.ToString(CultureInfo.InvariantCulture)));
            return null;
        }

        if (Text("severity") is { } severity && severity.ToLowerInvariant() is not ("required" or "soft"))
        {
            problem = (severity, "severity", new QueryExpectation("expect-one-of", "required | soft"));
            return null;
        }

        return new ViolationFilter
        {
            Unit = Text("unit"),
            Body = Text("body"),
            Plan = Text("plan"),
            Requirement = Text("requirement"),
            Phase = Text("phase"),
            Period = Text("period"),
            Severity = Text("severity")?.ToLowerInvariant(),
            Status = status,
            From = from,
            To = to,
            Offset = offset,
            Limit = limit,
        };
    }

    /// <summary>The store query for these filters over <paramref name="units"/> (null: every unit).</summary>
    /// <param name="units">The units to look in.</param>
    public ViolationQuery ToQuery(IReadOnlyCollection<string>? units) => new()
    {
        Units = units,
        PlanId = Plan,
        RequirementId = Requirement,
        PhaseId = Phase,
        Period = Period,
        Severity = Severity,
        Status = Status,
        From = From,
        To = To,
        Offset = Offset,
        Limit = Limit,
    };
}
