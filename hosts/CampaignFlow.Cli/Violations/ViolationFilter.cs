using System.Globalization;
using System.Text;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Cli.Violations;

/// <summary>
/// The filters of <c>campaignflow violations</c>, checked as the server's <c>GET /violations</c> checks them, so a bad
/// value gets the same answer from a server and from a data folder. Written back as the API's query string, or as the
/// store's query.
/// </summary>
internal sealed record ViolationFilter
{
    /// <summary>The most a page holds, as the API allows.</summary>
    public const int MaxLimit = 1000;

    public string? Unit { get; init; }

    public string? Body { get; init; }

    public string? Plan { get; init; }

    public string? Requirement { get; init; }

    public string? Phase { get; init; }

    public string? Period { get; init; }

    /// <summary>required or soft.</summary>
    public string? Severity { get; init; }

    /// <summary>open or resolved.</summary>
    public ViolationStatus? Status { get; init; }

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = 100;

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

    /// <summary>The store's query over <paramref name="units"/> (null: every unit).</summary>
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
