using System.Globalization;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.WebConsole.Shell;
using CampaignFlow.Server.WebConsole.Violations;

namespace CampaignFlow.Server.WebConsole.Units;

/// <summary>
/// What a unit can do next, said as a task: for an open violation, how much more to record in its period (the
/// shortfall between the amount found and the one required, "record 2 more hours in week 10"), or what is missing,
/// or else the violation's own message; for a requirement not judged yet, the day it is judged on. Built from what
/// the rules engine stored with each violation, so the page never judges anything itself.
/// </summary>
public static class NextSteps
{
    /// <summary>The steps that put right <paramref name="open"/>, oldest period first.</summary>
    /// <param name="open">The unit's open violations.</param>
    /// <param name="plan">The unit's plan, for the requirements' titles; null shows their ids.</param>
    /// <param name="request">The reader's words.</param>
    public static IReadOnlyList<NextStep> ToResolve(IEnumerable<StoredViolation> open, ResolvedPlan? plan, ConsoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(request);
        var titles = Titles(plan);
        return open.OrderBy(v => v.PeriodEnd).ThenBy(v => v.Id, StringComparer.Ordinal)
            .Select(v => new NextStep(Of(v, titles.GetValueOrDefault(v.RequirementId) ?? v.RequirementId, plan?.Vocabulary, request), v.PeriodEnd, ViolationList.DetailLink(v.Id)))
            .ToArray();
    }

    /// <summary>The requirements judged soon, in words, soonest first.</summary>
    /// <param name="deadlines">The unit's next deadlines.</param>
    /// <param name="plan">The unit's plan, for the requirements' titles; null shows their ids.</param>
    /// <param name="request">The reader's words.</param>
    public static IReadOnlyList<NextStep> Coming(IEnumerable<DeadlineState> deadlines, ResolvedPlan? plan, ConsoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(deadlines);
        ArgumentNullException.ThrowIfNull(request);
        var titles = Titles(plan);
        // One line per requirement and day: a requirement counted per person has a deadline per person, the same task.
        return deadlines.OrderBy(d => d.Ends)
            .Select(d => (d.Ends, Title: titles.GetValueOrDefault(d.RequirementId) ?? d.RequirementId, d.Period))
            .Distinct()
            .Select(d => new NextStep(
                PeriodLabel.IsCalendar(d.Period)
                    ? request.T("next-deadline-period", request.Day(d.Ends), d.Title, PeriodLabel.Format(d.Period, request.Culture))
                    : request.T("next-deadline", request.Day(d.Ends), d.Title),
                d.Ends,
                null))
            .ToArray();
    }

    private static Dictionary<string, string> Titles(ResolvedPlan? plan) =>
        plan?.Requirements.GroupBy(r => r.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal) ?? [];

    private static string Of(StoredViolation violation, string title, Vocabulary? vocabulary, ConsoleRequest request)
    {
        var evidence = ViolationEvidence.Of(violation.Details);
        var period = PeriodWords(violation.Period, violation.PeriodStart, violation.PeriodEnd, request);
        var who = evidence.TargetName is { } name ? request.T("next-for-person", name) : "";
        if (Shortfall(evidence, violation.Code.StartsWith("count-", StringComparison.Ordinal), request) is { } more)
        {
            return request.T("next-record-more", period, more, title, who);
        }

        if (evidence.Missing.Count > 0)
        {
            return request.T("next-add-missing", period, string.Join(request.IsChinese ? "、" : ", ", evidence.Missing.Select(m => EvidenceWords.Of(m, vocabulary is null ? null : vocabulary.TitleOf, request.Culture))), title, who);
        }

        return request.T("next-put-right", period, request.IsChinese ? violation.MessageZh : violation.MessageEn);
    }

    // "8 h" required and "6 h" found: 2 小时 more; "≥ 2" occurrences required and "1" found: 1 次 more. Amounts in other
    // units (篇) keep the plan's word for them.
    private static string? Shortfall(ViolationEvidence evidence, bool occurrences, ConsoleRequest request)
    {
        if (Amount(evidence.Required?.TrimStart('≥', ' ')) is not { } required || Amount(evidence.Actual) is not { } actual
            || required.Unit != actual.Unit || required.Value <= actual.Value)
        {
            return null;
        }

        var more = (required.Value - actual.Value).ToString("0.##", request.Culture);
        return required.Unit switch
        {
            "h" => request.T("next-hours", more),
            "" when occurrences => request.T("next-times", more),
            "" => more,
            var unit => more + " " + unit,
        };
    }

    private static (decimal Value, string Unit)? Amount(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var number = space < 0 ? text : text[..space];
        return decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var value)
            ? (value, space < 0 ? "" : text[(space + 1)..].Trim())
            : null;
    }

    // A week, month, quarter or year by its name (2014年第10周); any other period by its days.
    private static string PeriodWords(string label, DateOnly start, DateOnly end, ConsoleRequest request) =>
        PeriodLabel.IsCalendar(label) ? PeriodLabel.Format(label, request.Culture)
        : start == end ? request.Day(start)
        : request.T("next-days", request.Day(start), request.Day(end));
}
