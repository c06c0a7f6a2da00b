using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Plans.Syntax;

namespace CampaignFlow.Plans.Organisation;

/// <summary>
/// The plan of a unit that runs its kind's template with a roster of its own, generated from its line of an
/// organisation file: the unit, inheriting the template, on the template's campaign, with the roster the line names —
/// the plan <c>campaignflow new</c> writes, so a county need not keep a plan file per unit to name its people.
/// </summary>
/// <remarks>
/// Per-person actions are resolved against a roster, so a unit with people is a plan of its own: it is published and
/// versioned like a written plan, and a changed roster (or template) is a new version of it. Its text has no file on
/// disk; its path is the organisation file's followed by <c>#</c> and the unit's id, so a roster named relative to the
/// organisation file is found relative to it, and anyone reading a stored version sees where it came from.
/// </remarks>
public sealed class RosteredUnitPlan
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly OrganisationUnitSpec _unit;
    private readonly ResolvedPlan _template;
    private readonly string _window;

    /// <summary>The plan of <paramref name="unit"/> on <paramref name="template"/>.</summary>
    /// <param name="unit">The organisation file's line, with its roster.</param>
    /// <param name="template">The template the unit runs for its kind.</param>
    /// <param name="window">The template's campaign window as written (3月-9月).</param>
    public RosteredUnitPlan(OrganisationUnitSpec unit, ResolvedPlan template, string window)
    {
        ArgumentNullException.ThrowIfNull(unit);
        ArgumentNullException.ThrowIfNull(template);
        if (unit.Roster is null)
        {
            throw new ArgumentException("The unit's line names no roster.", nameof(unit));
        }

        _unit = unit;
        _template = template;
        _window = window;
    }

    /// <summary>The plan's id: the unit's id and the campaign's year, as <c>campaignflow new</c> names a unit's plan.</summary>
    public string PlanId => $"{_unit.Id}-{_template.Year.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The unit whose plan this is.</summary>
    public string UnitId => _unit.Id;

    /// <summary>The template it inherits.</summary>
    public string TemplateId => _template.Id;

    /// <summary>The organisation file's path followed by <c>#</c> and the unit's id.</summary>
    public string Path => $"{_unit.Location.File}#{_unit.Id}";

    /// <summary>Where the unit's line names its roster, for findings about the generated plan.</summary>
    public Diagnostics.SourceLocation RosterAt => _unit.At("roster");

    /// <summary>True when <paramref name="path"/> is the path of a generated plan rather than of a file.</summary>
    /// <param name="path">A plan's path.</param>
    public static bool IsGeneratedPath(string path) => path.Contains(".units.", StringComparison.OrdinalIgnoreCase) && path.Contains('#', StringComparison.Ordinal);

    /// <summary>The plan's text at <paramref name="version"/>.</summary>
    /// <param name="version">The version it is published as.</param>
    public string Text(int version) => new StringBuilder()
        .Append("# Generated from the unit's line of ").Append(System.IO.Path.GetFileName(_unit.Location.File))
        .Append(": the unit runs the template ").Append(_template.Id).Append(" with its own roster.\n")
        .Append("plan: ").Append(PlanId).Append('\n')
        .Append("version: ").Append(version.ToString(CultureInfo.InvariantCulture)).Append('\n')
        .Append("title: ").Append(Quote(_template.Title)).Append('\n')
        .Append("unit: { id: ").Append(Quote(_unit.Id)).Append(", name: ").Append(Quote(_unit.Name))
        .Append(_unit.Kind is { } kind ? $", kind: {Quote(kind)}" : "")
        .Append(_unit.Parent is { } parent ? $", parent: {Quote(parent)}" : "").Append(" }\n")
        .Append("inherits: ").Append(_template.Id).Append('\n')
        .Append("campaign:\n")
        .Append("  year: ").Append(_template.Year.ToString(CultureInfo.InvariantCulture)).Append('\n')
        .Append("  window: ").Append(Quote(_window)).Append('\n')
        .Append("roster: ").Append(Quote(_unit.Roster!)).Append('\n')
        .ToString();

    // A JSON string is a YAML double-quoted scalar: any name, with any punctuation, reads back as written.
    private static string Quote(string value) => JsonSerializer.Serialize(value, Quoting);
}
