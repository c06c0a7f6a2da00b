using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Plans.Resolution;

/// <summary>What makes a resolved plan a template: the body whose units run it, and the kinds that do.</summary>
/// <param name="Body">The body whose units below run the template.</param>
/// <param name="AppliesTo">The kinds of unit that run it.</param>
/// <param name="FocusByKind">The focus problems of each of those kinds, as the plans above list them.</param>
public sealed record ResolvedTemplate(string Body, IReadOnlyList<string> AppliesTo, IReadOnlyDictionary<string, IReadOnlyList<string>> FocusByKind)
{
    /// <summary>Where the template's kinds (<c>appliesTo</c>) are written, for findings about them.</summary>
    public SourceLocation KindsAt { get; init; }

    /// <summary>Where the template's body is written, or where the template is when the body is its parent's unit.</summary>
    public SourceLocation BodyAt { get; init; }

    /// <summary>The plan a unit of the template's kinds runs: the template itself, naming the unit and its kind's focus.</summary>
    /// <param name="template">The template plan.</param>
    /// <param name="unit">The unit, of one of <see cref="AppliesTo"/>.</param>
    public static ResolvedPlan ForUnit(ResolvedPlan template, ResolvedUnit unit)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(unit);
        var focus = unit.Kind is { } kind && template.Template?.FocusByKind.GetValueOrDefault(kind) is { } inherited
            ? [.. inherited, .. template.Focus]
            : template.Focus;
        return template with { Unit = unit, Focus = focus };
    }
}
