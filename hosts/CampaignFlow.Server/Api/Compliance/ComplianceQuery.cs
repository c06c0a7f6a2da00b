using System.Globalization;
using CampaignFlow.Campaigns.Rollups;
using CampaignFlow.Server.Api.Problems;

namespace CampaignFlow.Server.Api.Compliance;

/// <summary>
/// The query strings of the roll-up endpoints, checked against the body they ask about: days as <c>yyyy-MM-dd</c> that
/// exist, a unit kind and a phase the body's units have, a known order, paging within bounds.
/// </summary>
public static class ComplianceQuery
{
    /// <summary>The most rows a page holds.</summary>
    public const int MaxLimit = 1000;

    /// <summary>The most days a history lists.</summary>
    public const int MaxHistoryDays = 3660;

    /// <summary>The roll-up filter, or null with the bad value, the parameter and what would be right.</summary>
    /// <param name="query">The query string as written.</param>
    /// <param name="body">The body asked about.</param>
    /// <param name="problem">When the result is null: what is wrong.</param>
    public static ComplianceFilter? Read(ComplianceQueryParameters query, BodyScope body, out (string Value, string Parameter, QueryExpectation Expected)? problem)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(body);
        problem = null;
        if (!Day(query.At, "at", out var at, ref problem))
        {
            return null;
        }

        var kind = Text(query.Kind);
        if (kind is not null && !body.Kinds.Contains(kind, StringComparer.Ordinal))
        {
            problem = (kind, "kind", body.Kinds.Count == 0 ? new QueryExpectation("expect-no-kind") : new QueryExpectation("expect-one-of", string.Join(" | ", body.Kinds)));
            return null;
        }

        var phase = Text(query.Phase);
        if (phase is not null && !body.Phases.Contains(phase, StringComparer.Ordinal))
        {
            problem = (phase, "phase", new QueryExpectation("expect-one-of", string.Join(" | ", body.Phases)));
            return null;
        }

        if (!Sort(query.Sort, out var sort, ref problem) || !Whole(query.Offset, "offset", 0, int.MaxValue, 0, out var offset, ref problem)
            || !Whole(query.Limit, "limit", 1, MaxLimit, 100, out var limit, ref problem))
        {
            return null;
        }

        return new ComplianceFilter { At = at, Kind = kind, Phase = phase, Sort = sort ?? ComplianceSort.Tree, Offset = offset, Limit = limit };
    }

    /// <summary>The days of the history endpoint, or false with what is wrong.</summary>
    /// <param name="query">The query string as written.</param>
    /// <param name="from">The first day, or null.</param>
    /// <param name="to">The last day, or null.</param>
    /// <param name="problem">When false: what is wrong.</param>
    public static bool ReadHistory(HistoryQueryParameters query, out DateOnly? from, out DateOnly? to, out (string Value, string Parameter, QueryExpectation Expected)? problem)
    {
        ArgumentNullException.ThrowIfNull(query);
        problem = null;
        to = null;
        if (!Day(query.From, "from", out from, ref problem) || !Day(query.To, "to", out to, ref problem))
        {
            return false;
        }

        if (from > to)
        {
            problem = (Text(query.From)!, "from", new QueryExpectation("expect-day-not-after-to"));
            return false;
        }

        // Every day between is listed: a span of centuries would be an answer of megabytes.
        if (from is { } first && to is { } last && last.DayNumber - first.DayNumber >= MaxHistoryDays)
        {
            problem = (Text(query.To)!, "to", new QueryExpectation("expect-days-after-from", MaxHistoryDays.ToString(CultureInfo.InvariantCulture)));
            return false;
        }

        return true;
    }

    /// <summary>The order of <c>sort</c> (null when not given), or false with what is wrong.</summary>
    /// <param name="written">The parameter as written.</param>
    /// <param name="sort">The order, or null when not given.</param>
    /// <param name="problem">When false: what is wrong.</param>
    public static bool Sort(string? written, out ComplianceSort? sort, ref (string Value, string Parameter, QueryExpectation Expected)? problem)
    {
        sort = null;
        switch (Text(written)?.ToLowerInvariant())
        {
            case null:
                return true;
            case "tree":
                sort = ComplianceSort.Tree;
                return true;
            case "behind":
                sort = ComplianceSort.Behind;
                return true;
            default:
                problem = (Text(written)!, "sort", new QueryExpectation("expect-one-of", "tree | behind"));
                return false;
        }
    }

    /// <summary>A day as <c>yyyy-MM-dd</c> (null when not given), or false with what is wrong.</summary>
    /// <param name="written">The parameter as written.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="day">The day, or null when not given.</param>
    /// <param name="problem">When false: what is wrong.</param>
    public static bool Day(string? written, string name, out DateOnly? day, ref (string Value, string Parameter, QueryExpectation Expected)? problem)
    {
        day = null;
        if (Text(written) is not { } text)
        {
            return true;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            problem = (text, name, new QueryExpectation("expect-day"));
            return false;
        }

        // Years a plan may have (1900–2200): the day after 9999-12-31, which the end of a day needs, does not exist.
        if (parsed.Year is < 1900 or > 2200)
        {
            problem = (text, name, new QueryExpectation("expect-day-in-years", "1900-01-01", "2200-12-31"));
            return false;
        }

        day = parsed;
        return true;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/> (<paramref name="otherwise"/> when not given), or false with what is wrong.</summary>
    /// <param name="written">The parameter as written.</param>
    /// <param name="name">The parameter's name.</param>
    /// <param name="min">The least value allowed.</param>
    /// <param name="max">The greatest value allowed.</param>
    /// <param name="otherwise">The value when the parameter is not given.</param>
    /// <param name="value">The value.</param>
    /// <param name="problem">When false: what is wrong.</param>
    public static bool Whole(string? written, string name, int min, int max, int otherwise, out int value, ref (string Value, string Parameter, QueryExpectation Expected)? problem)
    {
        value = otherwise;
        if (Text(written) is not { } text)
        {
            return true;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value < min || value > max)
        {
            problem = (text, name, max == int.MaxValue ? new QueryExpectation("expect-whole-from", min.ToString(CultureInfo.InvariantCulture)) : new QueryExpectation("expect-whole-between", min.ToString(CultureInfo.InvariantCulture), max.ToString(CultureInfo.InvariantCulture)));
            return false;
        }

        return true;
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
