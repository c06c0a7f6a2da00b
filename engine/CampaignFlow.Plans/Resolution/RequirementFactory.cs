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
    AcrossUnits? across)
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
            Where = action.Where ?? new Dictionary<string, string>(),
            Scope = scope,
            Targets = targets,
            Across = across,
            Location = action.Location,
        };
}
