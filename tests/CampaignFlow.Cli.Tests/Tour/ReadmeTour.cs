using System.Text;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests.Tour;

/// <summary>
/// The shell commands of the README's tour (its section "A five-minute tour" up to the next section), as a reader
/// copies them: each <c>```sh</c> block's lines, a line ending in <c>\</c> joined with the next, comments and blank
/// lines left out.
/// </summary>
internal static class ReadmeTour
{
    private const string Heading = "## A five-minute tour";

    public static IReadOnlyList<string> Commands()
    {
        var readme = File.ReadAllText(Repository.Path("README.md"));
        var start = readme.IndexOf(Heading, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"README.md has no section '{Heading}'.");
        }

        var end = readme.IndexOf("\n## ", start + Heading.Length, StringComparison.Ordinal);
        var section = readme[start..(end < 0 ? readme.Length : end)].Split('\n');
        var commands = new List<string>();
        var inShell = false;
        var command = new StringBuilder();
        foreach (var raw in section)
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = !inShell && line == "```sh";
                continue;
            }

            var text = line.Trim();
            if (!inShell || (command.Length == 0 && (text.Length == 0 || text.StartsWith('#'))))
            {
                continue;
            }

            if (text.EndsWith('\\'))
            {
                command.Append(text[..^1]).Append(' ');
                continue;
            }

            commands.Add(command.Append(text).ToString());
            command.Clear();
        }

        return commands;
    }
}
