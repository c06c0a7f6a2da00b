using System.Globalization;
using CampaignFlow.Cli.Output;
using CampaignFlow.Compliance.Sessions;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Cli.Simulating;

/// <summary>
/// A simulation as lines for people: one per violation (severity, seed ids, requirement id, period, message), what is
/// missing under it, and the counts at the end of the day. Every frame word is the catalogue's, so a Chinese reader
/// reads no English; ids (requirement ids, the seed ids) stay as the API and the plans write them.
/// </summary>
internal static class SimulationText
{
    // A long list of missing pairs is cut: the message already counts them, and --format json has them all.
    private const int MissingShown = 20;

    public static void Write(TextWriter output, IReadOnlyList<Violation> violations, Plans.Resolution.Vocabulary vocabulary, CultureInfo culture)
    {
        string T(string code, params string[] values) => CliMessages.Text(code, culture, values);
        // Columns as wide as their widest cell (by terminal cells: a Chinese period takes two a character).
        var severityWidth = new[] { T("simulate-violation"), T("simulate-warning") }.Max(DisplayWidth.Of);
        var sourceWidth = violations.Select(v => DisplayWidth.Of(string.Join(",", v.Source))).DefaultIfEmpty(0).Max();
        var requirementWidth = violations.Select(v => DisplayWidth.Of(v.RequirementId)).DefaultIfEmpty(0).Max();
        var periodWidth = violations.Select(v => DisplayWidth.Of(CliMessages.Period(v.Period, v.PeriodStart, v.PeriodEnd, culture))).DefaultIfEmpty(0).Max();
        foreach (var v in violations)
        {
            var severity = T(v.Severity == Severity.Soft ? "simulate-warning" : "simulate-violation");
            output.WriteLine($"{DisplayWidth.PadRight(severity, severityWidth)}  {DisplayWidth.PadRight(string.Join(",", v.Source), sourceWidth)}  "
                + $"{DisplayWidth.PadRight(v.RequirementId, requirementWidth)}  {DisplayWidth.PadRight(CliMessages.Period(v.Period, v.PeriodStart, v.PeriodEnd, culture), periodWidth)}  {v.Message(culture)}");
            foreach (var missing in v.Evidence.Missing.Take(MissingShown))
            {
                output.WriteLine(new string(' ', 12) + T("simulate-missing", EvidenceWords.Of(missing, vocabulary.TitleOf, culture)));
            }

            if (v.Evidence.Missing.Count > MissingShown)
            {
                output.WriteLine(new string(' ', 12) + T("simulate-more-missing", CliMessages.N(v.Evidence.Missing.Count - MissingShown)));
            }
        }
    }

    /// <summary>
    /// The violations that resolved on the way, one a line as the open ones are, and under each the records that
    /// resolved it and the figure after them.
    /// </summary>
    public static void WriteResolved(TextWriter output, IReadOnlyList<ViolationChange> resolutions, CultureInfo culture)
    {
        string T(string code, params string[] values) => CliMessages.Text(code, culture, values);
        var label = T("simulate-resolved");
        var width = new[] { label, T("simulate-violation"), T("simulate-warning") }.Max(DisplayWidth.Of);
        var requirementWidth = resolutions.Select(c => DisplayWidth.Of(c.Violation.RequirementId)).DefaultIfEmpty(0).Max();
        var periodWidth = resolutions.Select(c => DisplayWidth.Of(CliMessages.Period(c.Violation.Period, c.Violation.PeriodStart, c.Violation.PeriodEnd, culture))).DefaultIfEmpty(0).Max();
        foreach (var change in resolutions)
        {
            var v = change.Violation;
            output.WriteLine($"{DisplayWidth.PadRight(label, width)}  {DisplayWidth.PadRight(v.RequirementId, requirementWidth)}  {DisplayWidth.PadRight(CliMessages.Period(v.Period, v.PeriodStart, v.PeriodEnd, culture), periodWidth)}  {v.Message(culture)}");
            var day = CliMessages.Day(DateOnly.FromDateTime(change.At.DateTime), culture);
            var by = change.Records.Count > 0
                ? T("simulate-resolved-by", day, string.Join(MessageTemplates.IsChinese(culture) ? "、" : ", ", change.Records))
                : T("simulate-resolved-on", day);
            // An exception closes a warning without a figure: then there is none to show.
            output.WriteLine(new string(' ', 12) + (change.Evidence.Actual is { } actual
                ? T("simulate-resolved-figures", by, actual, change.Evidence.Required ?? "")
                : by));
        }
    }

    /// <summary>The counts, in a line of their own (on stdout under the table, on stderr beside JSON or CSV).</summary>
    public static string Summary(IReadOnlyList<Violation> violations, int pending, DateOnly at, CultureInfo culture)
    {
        var errors = violations.Count(v => v.Severity == Severity.Required);
        return CliMessages.Text("simulate-summary", culture,
            CliMessages.N(errors), CliMessages.N(violations.Count - errors), CliMessages.N(pending), CliMessages.Day(at, culture));
    }
}
