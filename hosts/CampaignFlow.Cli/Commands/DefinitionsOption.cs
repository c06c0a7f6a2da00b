using System.CommandLine;
using CampaignFlow.Plans.Loading;

namespace CampaignFlow.Cli.Commands;

/// <summary>
/// The <c>--definitions DIR</c> of <c>show</c> and <c>simulate</c>, which serves twice: the folder a plan id is looked up
/// in (<c>definitions</c> unless given), and, when given, the folder where a plan file's parents are looked for before
/// the file's own folder, as <c>validate --definitions</c> means it.
/// </summary>
internal static class DefinitionsOption
{
    /// <summary>The catalog that holds <paramref name="wanted"/>, a plan file or a plan id.</summary>
    /// <param name="parsed">The command line.</param>
    /// <param name="definitions">The command's <c>--definitions</c>, with its default.</param>
    /// <param name="wanted">A plan file or a plan id.</param>
    public static PlanCatalog Load(ParseResult parsed, Option<string> definitions, string wanted)
    {
        var folder = parsed.GetValue(definitions)!;
        if (!File.Exists(wanted))
        {
            return PlanCatalog.Load([folder]);
        }

        // Only a folder the user named: the default would send a file's parents to ./definitions unasked, ahead of a
        // changed parent kept beside the file (and to a folder that may not exist where the command runs).
        var given = parsed.GetResult(definitions) is { Implicit: false };
        return PlanCatalog.Load([wanted], given ? [folder] : []);
    }
}
