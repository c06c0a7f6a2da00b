using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Syntax;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Resolution;

/// <summary>Stamps what every requirement of one action shares (ids, window, scope, source) onto each of them.</summary>
internal sealed class RequirementFactory(
    ActionSpec action,
    string? phaseId,
    DateWindow window,
    Subject subject,
    Scope scope,
    IReadOnlyList<string> targets,
    string definedIn,
    AcrossUnits? across,
    Requirements.Conditions.WhereCondition condition)
{
    public T Make<T>(T requirement)
        where T : Requirement => requirement with
        {
            Id = $"{action.Id}:{FormatWords.Kebab(requirement.Kind.ToString())}",
            ActionId = action.Id,
            Title = action.Title ?? action.Id,
            PhaseId = phaseId,
            DefinedIn = definedIn,
            Source = action.Source ?? [],
            Severity = action.Severity,
            Window = window,
            Subject = subject,
            Where = condition is Requirements.Conditions.AllOf all
                ? all.Items.OfType<Requirements.Conditions.AttributeIs>().GroupBy(a => a.Attribute).ToDictionary(g => g.Key, g => g.First().Value)
                : new Dictionary<string, string>(),
            Matching = condition,
            Scope = scope,
            Targets = targets,
            Across = across,
            Location = action.Location,
        };
}
