using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// The inputs of a document, publication or ledger item form (the day, then the form's fields), each with its label
/// and the findings about its value; the form around them is the page's.
/// </summary>
public partial class OtherRecordInputs
{
    /// <summary>What the form asks for.</summary>
    [Parameter]
    [EditorRequired]
    public OtherRecordLayout Layout { get; set; } = null!;

    /// <summary>The values to show.</summary>
    [Parameter]
    [EditorRequired]
    public OtherRecordValues Values { get; set; } = null!;

    /// <summary>The findings by field.</summary>
    [Parameter]
    public RecordFindings Findings { get; set; } = RecordFindings.None;

    /// <summary>Prefixes the inputs' ids, so several forms can share a page.</summary>
    [Parameter]
    public string IdPrefix { get; set; } = "f";

    private string Id(string field) => IdPrefix + "-" + field.Replace('.', '-');

    private string? Described(string field) => Findings.At(field).Count > 0 ? Id(field) + "-error" : null;

    private string Invalid(string field) => Findings.At(field).Count > 0 ? "true" : "false";
}
