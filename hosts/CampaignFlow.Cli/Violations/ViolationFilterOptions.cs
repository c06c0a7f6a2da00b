using System.CommandLine;
using System.Globalization;
using CampaignFlow.Campaigns.Filtering;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Cli.Output;

namespace CampaignFlow.Cli.Violations;

/// <summary>
/// The filter options of <c>campaignflow violations</c>, one per query parameter of the API's <c>GET /violations</c>,
/// read into a <see cref="ViolationFilter"/> with a precise message for each value that is wrong.
/// </summary>
internal sealed class ViolationFilterOptions
{
    public Option<string?> Unit { get; } = new("--unit");

    public Option<string?> Body { get; } = new("--body");

    public Option<string?> Plan { get; } = new("--plan");

    public Option<string?> Requirement { get; } = new("--requirement");

    public Option<string?> Phase { get; } = new("--phase");

    public Option<string?> Period { get; } = new("--period");

    public Option<string?> Severity { get; } = new("--severity");

    public Option<string?> Status { get; } = new("--status");

    public Option<string?> From { get; } = new("--from");

    public Option<string?> To { get; } = new("--to");

    public Option<string?> Offset { get; } = new("--offset");

    public Option<string?> Limit { get; } = new("--limit");

    public IEnumerable<Option> All => [Unit, Body, Plan, Requirement, Phase, Period, Severity, Status, From, To, Offset, Limit];

    /// <summary>The filter, or null with what is wrong written to <paramref name="error"/>.</summary>
    public ViolationFilter? Read(ParseResult parsed, CultureInfo culture, TextWriter error)
    {
        var filter = ViolationFilter.Read(parameter => parsed.GetValue(Option(parameter)), out var bad);
        if (bad is not null)
        {
            var expected = bad.Expected switch
            {
                FilterExpectation.Status => "filter-expect-status",
                FilterExpectation.Severity => "filter-expect-severity",
                FilterExpectation.Day => "filter-expect-day",
                FilterExpectation.FromNotAfterTo => "filter-expect-from-before-to",
                FilterExpectation.Offset => "filter-expect-offset",
                _ => "filter-expect-limit",
            };
            error.WriteLine(CliMessages.Text("filter-bad", culture, Option(bad.Parameter).Name, bad.Value, CliMessages.Text(expected, culture, CliMessages.N(ViolationFilter.MaxLimit))));
        }

        return filter;
    }

    /// <summary>The option of an API parameter: each option is named after the parameter it sends.</summary>
    private Option<string?> Option(string parameter) => All.OfType<Option<string?>>().Single(option => option.Name == "--" + parameter);
}
