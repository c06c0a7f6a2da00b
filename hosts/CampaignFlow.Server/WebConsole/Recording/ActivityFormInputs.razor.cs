using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// The inputs of one activity kind's recording form (day, time, duration, participants, people from outside, the
/// attributes), each with its label, its hint and the findings about its value; the form around them is the page's.
/// </summary>
public partial class ActivityFormInputs
{
    /// <summary>What the form asks for.</summary>
    [Parameter]
    [EditorRequired]
    public ActivityFormLayout Layout { get; set; } = null!;

    /// <summary>The values to show.</summary>
    [Parameter]
    [EditorRequired]
    public ActivityFormValues Values { get; set; } = null!;

    /// <summary>The findings by field.</summary>
    [Parameter]
    public RecordFindings Findings { get; set; } = RecordFindings.None;

    /// <summary>Prefixes the inputs' ids, so several forms can share a page.</summary>
    [Parameter]
    public string IdPrefix { get; set; } = "f";

    private string Id(string field) => IdPrefix + "-" + field.Replace('.', '-');

    private string? Described(string field, bool hint) =>
        string.Join(' ', new[] { hint ? Id(field) + "-help" : null, Findings.At(field).Count > 0 ? Id(field) + "-error" : null }.OfType<string>()) is { Length: > 0 } ids ? ids : null;

    private string Invalid(string field) => Findings.At(field).Count > 0 ? "true" : "false";
}
