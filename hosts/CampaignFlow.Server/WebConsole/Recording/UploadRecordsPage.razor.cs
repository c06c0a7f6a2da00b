using System.Globalization;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Api.Records;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.WebConsole.Overview;
using CampaignFlow.Server.WebConsole.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// <c>/console/units/{unit}/upload</c>: a CSV import of the unit's records (the API's CSV import, the same
/// <see cref="UnitRecorder"/>, the same size limit), all or nothing. Findings are shown at their line, beside the
/// line's text, so the reader can fix the file and upload it again.
/// </summary>
public partial class UploadRecordsPage
{
    // Lines shown with their findings; the rest are counted. A file with thousands of errors is the wrong file.
    private const int MaxLinesShown = 200;

    private CampaignUnit? _unit;
    private string[] _lines = [];
    private string? _fileName;
    private RecordFindings _findings = RecordFindings.None;
    private string? _fileProblem;
    private (int Status, string Message)? _problem;

    [Inject]
    private RecordingAccess Access { get; set; } = null!;

    [Inject]
    private UnitRecorder Recorder { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IOptions<ServerOptions> Options { get; set; } = null!;

    /// <summary>The unit's id.</summary>
    [Parameter]
    public string Unit { get; set; } = "";

    /// <summary>This page's path.</summary>
    /// <param name="unitId">The unit.</param>
    public static string Link(string unitId) => Home.UnitLink(unitId) + "/upload";

    // The lines with findings, in order, with their text.
    private IEnumerable<(int Line, string Text, IReadOnlyList<string> Messages)> Marked =>
        _lines.Select((text, i) => (Line: i + 1, Text: text, Messages: _findings.AtLine(i + 1))).Where(l => l.Messages.Count > 0);

    /// <inheritdoc/>
    protected override void OnParametersSet()
    {
        var (unit, _, problem) = Access.Find(Unit);
        _problem = problem;
        _unit = unit;
    }

    private async Task UploadAsync()
    {
        if (_unit is null)
        {
            return;
        }

        var culture = Request.Culture;
        var form = await Request.Http.Request.ReadFormAsync(Request.Http.RequestAborted).ConfigureAwait(true);
        var file = form.Files.GetFile("file");
        var limit = Options.Value.MaxCsvBytes;
        if (file is null || file.Length == 0)
        {
            Refuse(Request.T("upload-no-file"));
            return;
        }

        _fileName = Path.GetFileName(file.FileName);
        // The plan loader's detection: a CSV Excel saved in GBK is refused at its first foreign byte, said where it is.
        var (decoded, refusal) = await UploadedText.ReadAsync(file, limit, Request).ConfigureAwait(true);
        if (decoded is null)
        {
            Refuse(refusal!);
            return;
        }

        var text = decoded;
        var result = await Recorder.RecordAsync(Request.Caller!, _unit, text, RecordFormat.Csv, RecordRoute.Any, Request.Http.RequestAborted).ConfigureAwait(true);
        _findings = RecordFindings.Of(result, line => line.ToString(CultureInfo.InvariantCulture), culture);
        if (_findings.Any)
        {
            _lines = text.ReplaceLineEndings("\n").Split('\n');
            Request.Answer(StatusCodes.Status422UnprocessableEntity);
            return;
        }

        Navigation.NavigateTo(RecordedNotice.Link(_unit.Id, result));
    }

    private void Refuse(string message)
    {
        _fileProblem = message;
        Request.Answer(StatusCodes.Status400BadRequest);
    }
}
