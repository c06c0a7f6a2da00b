using System.Globalization;
using System.Text;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Server.Api.Plans;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.WebConsole.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace CampaignFlow.Server.WebConsole.Plans;

/// <summary>
/// <c>/console/check-plan</c>: a plan's author pastes or uploads its YAML and sees every finding beside the line it
/// points at, before publishing. The check is <c>POST /plans/validate</c>'s (the campaign service's validator, plans
/// it inherits and rosters looked up in definitions/, the same size limit and the same number of findings shown);
/// nothing is stored. Anyone signed in may check a plan, as anyone with a token may call the endpoint.
/// </summary>
public partial class PlanCheckPage
{
    private string _text = "";
    private string _fileName = DefaultFile;
    private string[] _lines = [];
    private bool _checked;
    private int _errors;
    private int _warnings;
    private Dictionary<int, List<DiagnosticView>> _byLine = [];
    private IReadOnlyList<DiagnosticView> _elsewhere = [];
    private string? _inputProblem;

    [Inject]
    private RunningCampaigns Running { get; set; } = null!;

    [Inject]
    private IOptions<ServerOptions> Options { get; set; } = null!;

    /// <summary>This page's path.</summary>
    public const string Path = "/console/check-plan";

    // The name the API gives a plan sent without one.
    private const string DefaultFile = "uploaded.yaml";

    private string SeverityWord(string severity) => severity == "error" ? Request.T("check-error") : Request.T("check-warning");

    private async Task CheckAsync()
    {
        var culture = Request.Culture;
        var limit = Options.Value.MaxJsonBytes;
        var form = await Request.Http.Request.ReadFormAsync(Request.Http.RequestAborted).ConfigureAwait(true);
        _text = form.TryGetValue("yaml", out var pasted) ? pasted.ToString() ?? "" : "";
        if (form.Files.GetFile("file") is { Length: > 0 } file)
        {
            // The plan loader's detection: a plan an editor saved in GBK is refused at its first foreign byte, said where it is.
            var (decoded, refusal) = await UploadedText.ReadAsync(file, limit, Request).ConfigureAwait(true);
            if (decoded is null)
            {
                Refuse(refusal!);
                return;
            }

            _text = decoded;
            _fileName = System.IO.Path.GetFileName(file.FileName) is { Length: > 0 } name ? name : DefaultFile;
        }

        if (string.IsNullOrWhiteSpace(_text))
        {
            Refuse(Request.T("check-nothing"));
            return;
        }

        if (Encoding.UTF8.GetByteCount(_text) > limit)
        {
            Refuse(ApiProblems.Text("body-too-large", culture, limit.ToString(CultureInfo.InvariantCulture)));
            return;
        }

        var diagnostics = Running.Service.ValidatePlan(_text, _fileName);
        _errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        _warnings = diagnostics.Count - _errors;
        var shown = diagnostics.Take(PlanValidationView.MaxShown).Select(d => (Diagnostic: d, View: DiagnosticView.Of(d, culture))).ToArray();
        // Findings in this text go beside their line; those in a plan it inherits or a roster it names are listed above.
        var here = shown.Where(d => string.Equals(System.IO.Path.GetFileName(d.Diagnostic.Location.File), _fileName, StringComparison.Ordinal)).ToArray();
        _byLine = here.GroupBy(d => Math.Max(1, d.View.Line)).ToDictionary(g => g.Key, g => g.Select(d => d.View).ToList());
        _elsewhere = shown.Except(here).Select(d => d.View).ToArray();
        _lines = _text.ReplaceLineEndings("\n").Split('\n');
        // A plan with errors is a check that worked: 200, as the endpoint answers.
        _checked = true;
    }

    private void Refuse(string message)
    {
        _inputProblem = message;
        Request.Answer(StatusCodes.Status400BadRequest);
    }
}
