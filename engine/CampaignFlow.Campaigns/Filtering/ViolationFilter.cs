using System.Globalization;
using System.Text;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Compliance.Timing;

namespace CampaignFlow.Campaigns.Filtering;

/// <summary>
/// The filters of <c>GET /violations</c>, checked once for every door that takes them (the API, the console, the
/// CLI), so a bad value gets the same answer everywhere: dates as <c>yyyy-MM-dd</c> that exist, a known status and
/// severity, paging within bounds. Units are not resolved here; each host narrows them to what the caller may read.
/// </summary>
public sealed record ViolationFilter
{
    /// <summary>The most a page holds.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The API's names of the filters, in the order they are checked and written back.</summary>
    public static IReadOnlyList<string> Parameters { get; } =
        ["unit", "body", "plan", "requirement", "phase", "period", "severity", "status", "from", "to", "offset", "limit"];

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

    /// <summary>The period (2014-W10; read from 2014年第10周 too).</summary>
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

    /// <summary>Reads the filter from values as written; blank values count as absent.</summary>
    /// <param name="written">The value written for an API parameter name (one of <see cref="Parameters"/>), or null.</param>
    /// <param name="problem">When the result is null: the first bad value and what would be right.</param>
    public static ViolationFilter? Read(Func<string, string?> written, out ViolationFilterProblem? problem)
    {
        problem = null;
        string? Text(string name) => written(name) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        ViolationFilter? Bad(string parameter, string value, FilterExpectation expected, out ViolationFilterProblem? problem)
        {
            problem = new ViolationFilterProblem(parameter, value, expected);
            return null;
        }

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
                return Bad("status", s, FilterExpectation.Status, out problem);
            }
        }

        if (Text("severity") is { } severity && severity.ToLowerInvariant() is not ("required" or "soft"))
        {
            return Bad("severity", severity, FilterExpectation.Severity, out problem);
        }

        DateOnly? from = null, to = null;
        if (Text("from") is { } f && (from = Day(f)) is null)
        {
            return Bad("from", f, FilterExpectation.Day, out problem);
        }

        if (Text("to") is { } t && (to = Day(t)) is null)
        {
            return Bad("to", t, FilterExpectation.Day, out problem);
        }

        if (from > to)
        {
            return Bad("from", Text("from")!, FilterExpectation.FromNotAfterTo, out problem);
        }

        var offset = 0;
        if (Text("offset") is { } o && (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            return Bad("offset", o, FilterExpectation.Offset, out problem);
        }

        var limit = 100;
        if (Text("limit") is { } l && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return Bad("limit", l, FilterExpectation.Limit, out problem);
        }

        return new ViolationFilter
        {
            Unit = Text("unit"),
            Body = Text("body"),
            Plan = Text("plan"),
            Requirement = Text("requirement"),
            Phase = Text("phase"),
            // The console shows 2014年第10周; a reader types back what they read.
            Period = Text("period") is { } period ? PeriodLabel.Read(period) : null,
            Severity = Text("severity")?.ToLowerInvariant(),
            Status = status,
            From = from,
            To = to,
            Offset = offset,
            Limit = limit,
        };
    }

    /// <summary>The query string of <c>GET /violations</c> (with a leading '?', empty when there is no filter).</summary>
    /// <param name="paged">False for an export of every match (CSV), which the API does not page.</param>
    public string ToQueryString(bool paged)
    {
        var query = new StringBuilder();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                query.Append(query.Length == 0 ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            }
        }

        Add("unit", Unit);
        Add("body", Body);
        Add("plan", Plan);
        Add("requirement", Requirement);
        Add("phase", Phase);
        Add("period", Period);
        Add("severity", Severity);
        Add("status", Status is { } status ? (status == ViolationStatus.Open ? "open" : "resolved") : null);
        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (paged)
        {
            Add("offset", Offset.ToString(CultureInfo.InvariantCulture));
            Add("limit", Limit.ToString(CultureInfo.InvariantCulture));
        }

        return query.ToString();
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

    private static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
