using System.Globalization;
using System.Text.Json;
using CampaignFlow.Cli.Output;
using CampaignFlow.Cli.Remote;

namespace CampaignFlow.Cli.Publishing;

/// <summary>
/// Takes a plan file as far along its life as its author can (docs/adr/0014): written as a draft and submitted when the
/// server has no version of it or has it as a draft or returned (so it is resubmitted with the file's text), published
/// once the body above has approved it; a version waiting for approval or already published is only reported.
/// </summary>
/// <param name="client">The server.</param>
/// <param name="output">Where what happened is said.</param>
/// <param name="culture">The reader's language.</param>
internal sealed class PublishRun(CampaignServerClient client, TextWriter output, CultureInfo culture)
{
    /// <summary>Runs it for <paramref name="path"/>; returns the exit code.</summary>
    public async Task<int> RunAsync(string path, string text, PlanFileHeader header, CancellationToken ct)
    {
        string T(string code, params string[] values) => CliMessages.Text(code, culture, values);
        var (plan, version) = (header.PlanId!, header.Version.ToString(CultureInfo.InvariantCulture));
        var at = $"/plans/{Uri.EscapeDataString(plan)}/versions/{version}";
        var found = await client.GetAnswerAsync(at, ct).ConfigureAwait(false);
        var state = found.Status == 404 ? null : StateOf(found.Body);
        switch (state)
        {
            case "submitted":
                output.WriteLine(T("publish-waiting", path, plan, version));
                return ExitCode.Ok;
            case "published":
                output.WriteLine(T("publish-already", path, plan, version));
                return ExitCode.Ok;
            case "approved":
                var published = await client.PostAsync(at + "/publish", "", "application/json", ct).ConfigureAwait(false);
                if (published.Status != 200)
                {
                    return Refused(path, published);
                }

                output.WriteLine(T("publish-published", path, plan, version));
                return ExitCode.Ok;
        }

        var written = await client.PostAsync($"/plans/drafts?file={Uri.EscapeDataString(Path.GetFileName(path))}", text, "application/yaml", ct).ConfigureAwait(false);
        if (written.Status is not (200 or 201))
        {
            return Refused(path, written);
        }

        var submitted = await client.PostAsync(at + "/submit", "", "application/json", ct).ConfigureAwait(false);
        if (submitted.Status != 200)
        {
            return Refused(path, submitted);
        }

        output.WriteLine(T(state == "returned" ? "publish-resubmitted" : "publish-submitted", path, plan, version));
        return ExitCode.Ok;
    }

    // A refusal: the findings at line:column (a plan with errors), else the server's message; exit 1, or 5 for a token
    // that may not do this.
    private int Refused(string path, ServerAnswer answer)
    {
        using var problem = JsonDocument.Parse(answer.Body.Length == 0 ? "{}" : answer.Body);
        if (problem.RootElement.TryGetProperty("diagnostics", out var findings))
        {
            foreach (var finding in findings.EnumerateArray())
            {
                output.WriteLine(CliMessages.Text("publish-finding", culture, path, CliMessages.N(finding.GetProperty("line").GetInt32()),
                    CliMessages.N(finding.GetProperty("column").GetInt32()), finding.GetProperty("code").GetString()!, finding.GetProperty("message").GetString()!));
            }
        }

        output.WriteLine(CliMessages.Text("publish-refused", culture, path, CampaignServerClient.ProblemDetail(answer.Body) ?? CliMessages.N(answer.Status)));
        return answer.Status == 403 ? ExitCode.Refused : ExitCode.Findings;
    }

    private static string? StateOf(string body)
    {
        using var draft = JsonDocument.Parse(body);
        return draft.RootElement.TryGetProperty("state", out var state) ? state.GetString() : null;
    }
}
