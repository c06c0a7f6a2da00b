using System.Globalization;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Violations;

/// <summary>
/// A requirement of a unit's plan not met in one period for one target, with its evidence. Yielded by the rules as
/// a linked fact: it disappears (is resolved) when a late record satisfies the requirement.
/// </summary>
public sealed record Violation
{
    /// <summary>Stable id: unit, plan version, requirement, period and target.</summary>
    public string Id => $"{Unit}/{PlanId}@{PlanVersion}/{RequirementId}/{Period}{(Target is null ? "" : "/" + Target)}{(Record is null ? "" : "/" + Record)}";

    /// <summary>The record it concerns (an overdue ledger item), for requirements judged record by record.</summary>
    public string? Record { get; init; }

    /// <summary>The unit.</summary>
    public required string Unit { get; init; }

    /// <summary>The plan.</summary>
    public required string PlanId { get; init; }

    /// <summary>The plan's version.</summary>
    public required int PlanVersion { get; init; }

    /// <summary>The requirement not met.</summary>
    public required string RequirementId { get; init; }

    /// <summary>The plan action it belongs to.</summary>
    public required string ActionId { get; init; }

    /// <summary>The requirement's kind.</summary>
    public required RequirementKind Kind { get; init; }

    /// <summary>Required (a violation) or soft (a warning a justified exception closes).</summary>
    public required Severity Severity { get; init; }

    /// <summary>The phase of the requirement, if any.</summary>
    public string? PhaseId { get; init; }

    /// <summary>The period judged: <c>2014-W10</c>, <c>2014-05</c>, <c>window</c>, <c>by 2014-02-28</c>.</summary>
    public required string Period { get; init; }

    /// <summary>The person, branch or department it concerns, or null for the unit.</summary>
    public string? Target { get; init; }

    /// <summary>The target's name (a person's name from the roster), or null for the unit.</summary>
    public string? TargetName { get; init; }

    /// <summary>The first day of the period judged.</summary>
    public required DateOnly PeriodStart { get; init; }

    /// <summary>The last day of the period judged.</summary>
    public required DateOnly PeriodEnd { get; init; }

    /// <summary>The message code (a template of <c>Violations/messages.yaml</c>).</summary>
    public required string Code { get; init; }

    /// <summary>The values the message names.</summary>
    public required IReadOnlyList<string> Arguments { get; init; }

    /// <summary>What the verdict rests on.</summary>
    public required Evidence Evidence { get; init; }

    /// <summary>Where the requirement is written in the plan.</summary>
    public required SourceLocation Location { get; init; }

    /// <summary>The ids of the seed sentences the requirement encodes.</summary>
    public required IReadOnlyList<string> Source { get; init; }

    /// <summary>The message in <paramref name="culture"/> (Chinese for any zh culture, else English).</summary>
    /// <param name="culture">The reader's culture.</param>
    public string Message(CultureInfo culture)
    {
        var chinese = MessageTemplates.IsChinese(culture);
        string Word(string a) => a == Period ? Timing.PeriodLabel.Format(a, culture) : chinese ? ChineseArguments.Format(a) : Plans.Text.EnglishAmounts.Say(a);
        var arguments = Arguments.Select(a => MessageList.Is(a) ? MessageList.Format(a, Word, culture) : Word(a)).ToArray();
        var message = ViolationMessages.Templates.Format(Code, arguments, culture);
        return (TargetName is null ? "" : TargetName + (chinese ? "：" : ": ")) + (chinese ? ChineseArguments.OneDaySpans(message) : message);
    }
}
