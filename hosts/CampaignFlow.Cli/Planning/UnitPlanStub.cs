using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignFlow.Cli.Output;
using CampaignFlow.Plans.Resolution;

namespace CampaignFlow.Cli.Planning;

/// <summary>
/// The text of a new unit's plan on a template, and of its roster stub: the plan names the unit (under the template's
/// body), inherits the template — so it keeps every 规定动作 and runs the template's campaign — and points at the roster,
/// whose one placeholder person the unit replaces with its people. Comments are in the reader's language.
/// </summary>
/// <param name="template">The template plan for the unit's kind.</param>
/// <param name="window">The template's campaign window as written (3月-9月).</param>
/// <param name="unitId">The new unit's id.</param>
/// <param name="unitName">Its name.</param>
/// <param name="kind">Its kind, one the template applies to.</param>
internal sealed class UnitPlanStub(ResolvedPlan template, string window, string unitId, string unitName, string kind)
{
    private const string FormatDocument = "docs/plan-format.md";
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string PlanId => $"{unitId}-{template.Year.ToString(CultureInfo.InvariantCulture)}";

    public string PlanFile => PlanId + ".yaml";

    public string RosterFile => unitId + ".roster.yaml";

    /// <summary>The plan; <paramref name="schema"/> is the plan schema's path relative to the plan, or null.</summary>
    public string PlanText(CultureInfo culture, string? schema)
    {
        var text = new StringBuilder();
        if (schema is not null)
        {
            text.Append("# yaml-language-server: $schema=").Append(schema).Append('\n');
        }

        text.Append("# ").Append(CliMessages.Text("new-plan-comment", culture, unitName, template.Id)).Append('\n')
            .Append("plan: ").Append(PlanId).Append('\n')
            .Append("title: ").Append(Quote(CliMessages.Text("new-plan-title", culture, unitName))).Append('\n')
            .Append("unit: { id: ").Append(unitId).Append(", name: ").Append(Quote(unitName)).Append(", kind: ").Append(kind)
            .Append(", parent: ").Append(template.Template!.Body).Append(" }\n")
            .Append("inherits: ").Append(template.Id).Append('\n')
            .Append("campaign:\n")
            .Append("  year: ").Append(template.Year.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("  window: ").Append(Quote(window)).Append('\n')
            .Append("roster: ").Append(RosterFile).Append('\n')
            .Append('\n')
            .Append("# ").Append(CliMessages.Text("new-plan-actions", culture, template.Id, FormatDocument)).Append('\n');
        return text.ToString();
    }

    /// <summary>The roster stub: one placeholder person, the unit's principal.</summary>
    public string RosterText(CultureInfo culture) => new StringBuilder()
        .Append("# ").Append(CliMessages.Text("new-roster-comment", culture, unitName, FormatDocument)).Append('\n')
        .Append("people:\n")
        .Append("  - { id: principal, name: ").Append(Quote(CliMessages.Text("new-roster-name", culture)))
        .Append(", post: ").Append(Quote(CliMessages.Text("new-roster-post", culture)))
        .Append(", roles: [principal, leadership, party-member] }\n")
        .ToString();

    // A JSON string is a YAML double-quoted scalar: any name, with any punctuation, reads back as written.
    private static string Quote(string value) => JsonSerializer.Serialize(value, Quoting);
}
