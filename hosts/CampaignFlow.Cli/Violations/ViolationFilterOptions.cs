using System.CommandLine;
using System.Globalization;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Cli.Output;

namespace CampaignFlow.Cli.Violations;

/// <summary>
/// The filter options of <c>campaignflow violations</c>, one per query parameter of the API's <c>GET /violations</c>,
/// read into a <see cref="ViolationFilter"/> with a precise message for each value that is wrong.
/// </summary>
internal sealed class ViolationFilterOptions
{
    public Option<string?> Unit { get; } = new("--unit") { Description = "One unit's id (panyu-ftu)." };

    public Option<string?> Body { get; } = new("--body") { Description = "Every unit under this body, through the bodies between (weidu-district)." };

    public Option<string?> Plan { get; } = new("--plan") { Description = "A plan's id." };

    public Option<string?> Requirement { get; } = new("--requirement") { Description = "A requirement's id (weekly-study:period-minimum)." };

    public Option<string?> Phase { get; } = new("--phase") { Description = "A phase's id (study)." };

    public Option<string?> Period { get; } = new("--period") { Description = "A period as violations name it (2014-W10, 2014-05, window)." };

    public Option<string?> Severity { get; } = new("--severity") { Description = "required or soft." };

    public Option<string?> Status { get; } = new("--status") { Description = "open or resolved." };

    public Option<string?> From { get; } = new("--from") { Description = "Periods ending on or after this day (2014-03-01)." };

    public Option<string?> To { get; } = new("--to") { Description = "Periods starting on or before this day (2014-03-31)." };

    public Option<string?> Offset { get; } = new("--offset") { Description = "How many matches to skip (default 0; not for csv, which exports every match)." };

    public Option<string?> Limit { get; } = new("--limit") { Description = "How many to show, 1 to 1000 (default 100; not for csv)." };

    public IEnumerable<Option> All => [Unit, Body, Plan, Requirement, Phase, Period, Severity, Status, From, To, Offset, Limit];

    /// <summary>The filter, or null with what is wrong written to <paramref name="error"/>.</summary>
    public ViolationFilter? Read(ParseResult parsed, CultureInfo culture, TextWriter error)
    {
        string? Text(Option<string?> option) => parsed.GetValue(option) is { } value && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;
        ViolationFilter? Bad(Option<string?> option, string value, string expected)
        {
            error.WriteLine(CliMessages.Text("filter-bad", culture, option.Name, value, CliMessages.Text(expected, culture, CliMessages.N(ViolationFilter.MaxLimit))));
            return null;
        }

        ViolationStatus? status = null;
        if (Text(Status) is { } s)
        {
            status = s.ToLowerInvariant() switch
            {
                "open" => ViolationStatus.Open,
                "resolved" => ViolationStatus.Resolved,
                _ => null,
            };
            if (status is null)
            {
                return Bad(Status, s, "filter-expect-status");
            }
        }

        if (Text(Severity) is { } severity && severity.ToLowerInvariant() is not ("required" or "soft"))
        {
            return Bad(Severity, severity, "filter-expect-severity");
        }

        DateOnly? from = null, to = null;
        if (Text(From) is { } f)
        {
            if (Day(f) is not { } day)
            {
                return Bad(From, f, "filter-expect-day");
            }

            from = day;
        }

        if (Text(To) is { } t)
        {
            if (Day(t) is not { } day)
            {
                return Bad(To, t, "filter-expect-day");
            }

            to = day;
        }

        if (from > to)
        {
            return Bad(From, Text(From)!, "filter-expect-from-before-to");
        }

        var offset = 0;
        if (Text(Offset) is { } o && (!int.TryParse(o, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
        {
            return Bad(Offset, o, "filter-expect-offset");
        }

        var limit = 100;
        if (Text(Limit) is { } l && (!int.TryParse(l, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > ViolationFilter.MaxLimit))
        {
            return Bad(Limit, l, "filter-expect-limit");
        }

        return new ViolationFilter
        {
            Unit = Text(Unit),
            Body = Text(Body),
            Plan = Text(Plan),
            Requirement = Text(Requirement),
            Phase = Text(Phase),
            Period = Text(Period),
            Severity = Text(Severity)?.ToLowerInvariant(),
            Status = status,
            From = from,
            To = to,
            Offset = offset,
            Limit = limit,
        };
    }

    private static DateOnly? Day(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
