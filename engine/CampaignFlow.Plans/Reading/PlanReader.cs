using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Syntax;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.Plans.Reading;

/// <summary>
/// Reads plan files into the plan model with every value's position, reporting all of a file's errors at once.
/// Never throws for anything a file contains.
/// </summary>
public static class PlanReader
{
    /// <summary>Reads the plan in <paramref name="path"/>, and the roster file it names.</summary>
    /// <param name="path">The plan file.</param>
    public static PlanSource ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var bag = new DiagnosticBag();
            bag.Error("file-unreadable", new SourceLocation(path, 1, 1), e.Message);
            return new PlanSource(path, null, bag.Items);
        }

        return ReadText(text, path);
    }

    /// <summary>Reads a plan from <paramref name="yaml"/>; a roster file it names is read relative to <paramref name="path"/>.</summary>
    /// <param name="yaml">The plan's text.</param>
    /// <param name="path">The path to report positions against.</param>
    public static PlanSource ReadText(string yaml, string path)
    {
        var diagnostics = new DiagnosticBag();
        var plan = Read<PlanDocument>(yaml, path, diagnostics);
        if (plan?.Roster is { File: { } rosterFile } roster)
        {
            var rosterPath = Path.Combine(Path.GetDirectoryName(path) ?? "", rosterFile);
            if (!File.Exists(rosterPath))
            {
                diagnostics.Error("roster-file-missing", roster.At("file"), rosterFile);
            }
            else
            {
                var read = Read<RosterSpec>(File.ReadAllText(rosterPath), rosterPath, diagnostics);
                if (read?.File is not null)
                {
                    diagnostics.Error("roster-file-nested", read.At("file"), rosterFile);
                }

                plan = plan with { Roster = read is null ? null : read with { File = rosterFile } };
            }
        }

        return new PlanSource(path, plan, diagnostics.Items);
    }

    /// <summary>
    /// Reads any document modelled like plans (records deriving from <see cref="PlanNode"/>, such as activity logs)
    /// with the same positions, unknown-key suggestions and typed values.
    /// </summary>
    /// <typeparam name="T">The document's root record.</typeparam>
    /// <param name="yaml">The text.</param>
    /// <param name="path">The path to report positions against.</param>
    /// <param name="diagnostics">Receives every finding.</param>
    /// <returns>The document, or null when the text is not YAML or is empty.</returns>
    public static T? Read<T>(string yaml, string path, DiagnosticBag diagnostics)
        where T : PlanNode
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            diagnostics.Error("yaml-syntax", new SourceLocation(path, (int)e.Start.Line, (int)e.Start.Column), Describe(e));
            return null;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner gives up this way on some unterminated constructs; it knows no position then.
            diagnostics.Error("yaml-syntax", new SourceLocation(path, 1, 1), e.Message);
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            diagnostics.Error("empty-file", new SourceLocation(path, 1, 1));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            diagnostics.Error("several-documents", new SourceLocation(path, (int)second.Line, (int)second.Column));
        }

        return new NodeBinder(path, diagnostics).BindRoot<T>(stream.Documents[0].RootNode);
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the position is reported separately.
        var message = e.InnerException?.Message ?? e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(cut + 3)..] : message;
    }
}
