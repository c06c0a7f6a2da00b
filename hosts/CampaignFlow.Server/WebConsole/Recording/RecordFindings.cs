using System.Globalization;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Server.Api.Problems;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// What the campaign service found wrong with records sent from the console, in the reader's language, placed where
/// the reader wrote the value: by form field for a recording form, by line for a CSV upload. What belongs to no one
/// place (a refusal, a key stored before with other content) is <see cref="General"/>.
/// </summary>
public sealed class RecordFindings
{
    private readonly Dictionary<string, List<string>> _byPlace = new(StringComparer.Ordinal);
    private readonly List<string> _general = [];

    /// <summary>No findings.</summary>
    public static RecordFindings None { get; } = new();

    /// <summary>Findings about the records as a whole.</summary>
    public IReadOnlyList<string> General => _general;

    /// <summary>True when there is anything to show.</summary>
    public bool Any => _general.Count > 0 || _byPlace.Count > 0;

    /// <summary>Findings about the value at <paramref name="place"/> (a field's name, or a line number).</summary>
    /// <param name="place">The place.</param>
    public IReadOnlyList<string> At(string place) => _byPlace.TryGetValue(place, out var found) ? found : [];

    /// <summary>Findings at a line.</summary>
    /// <param name="line">A line number (1-based).</param>
    public IReadOnlyList<string> AtLine(int line) => At(line.ToString(CultureInfo.InvariantCulture));

    /// <summary>One finding at one place.</summary>
    /// <param name="place">The place (a field's name).</param>
    /// <param name="message">The finding, in the reader's language.</param>
    public static RecordFindings Single(string place, string message)
    {
        var findings = new RecordFindings();
        findings._byPlace[place] = [message];
        return findings;
    }

    /// <summary>The findings of <paramref name="result"/>, or <see cref="None"/> when it stored its records.</summary>
    /// <param name="result">What the campaign service did.</param>
    /// <param name="placeOf">The place a line of the text sent belongs to ("" for none).</param>
    /// <param name="culture">The reader's language.</param>
    public static RecordFindings Of(RecordingResult result, Func<int, string> placeOf, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(placeOf);
        var findings = new RecordFindings();
        if (result.Refusal is { } refusal)
        {
            findings._general.Add(ApiProblems.Text(refusal.Code, culture, [.. refusal.Arguments]));
            return findings;
        }

        if (result.HasErrors)
        {
            foreach (var diagnostic in result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                var place = placeOf(diagnostic.Location.Line);
                var list = place.Length == 0 ? findings._general : findings._byPlace.TryGetValue(place, out var known) ? known : findings._byPlace[place] = [];
                list.Add(diagnostic.Message(culture));
            }

            return findings;
        }

        var conflicts = result.Records.Count(r => r.Outcome == AppendOutcome.Conflict);
        if (conflicts > 0)
        {
            findings._general.Add(ApiProblems.Text("records-conflict", culture, conflicts.ToString(CultureInfo.InvariantCulture)));
        }

        return findings;
    }
}
