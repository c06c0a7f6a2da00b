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
    /// <summary>
    /// The deepest nesting of collections a text may have (a plan needs a handful of levels). Deeper texts are a
    /// finding, since building their tree would overflow the stack.
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The most values all the aliases of a text may stand for together (a plan needs none; the seeds use none).
    /// More is a finding: aliases naming aliases double what binding walks at each level.
    /// </summary>
    public const int MaxAliasedValues = 100_000;

    /// <summary>
    /// The largest plan text read, in bytes of UTF-8 (the largest seed plan has 21 KB).
    /// Parsing takes some 70 times a text's size in memory, so a larger text is a finding before it is parsed.
    /// </summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>Reads the plan in <paramref name="path"/>, and the roster and holidays files it names.</summary>
    /// <param name="path">The plan file.</param>
    public static PlanSource ReadFile(string path)
    {
        var bag = new DiagnosticBag();
        string? text;
        try
        {
            if (new FileInfo(path).Length is var length and > MaxFileBytes)
            {
                ReportTooLarge(path, length, bag);
                return new PlanSource(path, null, bag.Items);
            }

            text = Utf8File.Read(path, bag);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            FileReadFailure.Report(bag, path, e);
            return new PlanSource(path, null, bag.Items);
        }

        if (text is null)
        {
            return new PlanSource(path, null, bag.Items);
        }

        // The roster and holidays files are held to UTF-8 too, as the plan is: one that is not is its one finding, at
        // its first foreign byte, and is read no further. Read leniently, each name of it turned into U+FFFD and each
        // id a finding of its own; and the plan, judged without the people or holidays it names, would be findings
        // that are that file's fault, so it is not judged until the file is saved as UTF-8 (PlanSource.Incomplete).
        var refused = new HashSet<string>(StringComparer.Ordinal);
        string? Sibling(string sibling)
        {
            if (!File.Exists(sibling))
            {
                return null;
            }

            var read = Utf8File.Read(sibling, bag);
            if (read is null)
            {
                refused.Add(sibling);
            }

            return read;
        }

        var source = ReadText(text, path, Sibling, refused.Contains);
        return bag.Items.Count == 0 ? source : source with { Diagnostics = [.. bag.Items, .. source.Diagnostics], Incomplete = refused.Count > 0 };
    }

    /// <summary>Reads a plan from <paramref name="yaml"/>; a roster file it names is read relative to <paramref name="path"/>.</summary>
    /// <param name="yaml">The plan's text.</param>
    /// <param name="path">The path to report positions against.</param>
    public static PlanSource ReadText(string yaml, string path) =>
        ReadText(yaml, path, rosterPath => File.Exists(rosterPath) ? File.ReadAllText(rosterPath) : null);

    /// <summary>Reads a plan from <paramref name="yaml"/>; a roster file it names is read through <paramref name="readFile"/>.</summary>
    /// <param name="yaml">The plan's text.</param>
    /// <param name="path">The path to report positions against.</param>
    /// <param name="readFile">The text of a file by its path (the plan's folder joined with the roster's or holidays file's name), or null when there is none.</param>
    public static PlanSource ReadText(string yaml, string path, Func<string, string?> readFile) => ReadText(yaml, path, readFile, _ => false);

    // readFile's null is a missing file unless refused says the file was there and refused (its finding made already).
    private static PlanSource ReadText(string yaml, string path, Func<string, string?> readFile, Func<string, bool> refused)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        var diagnostics = new DiagnosticBag();
        if (TooLarge(yaml, path, diagnostics))
        {
            return new PlanSource(path, null, diagnostics.Items);
        }

        var plan = Read<PlanDocument>(yaml, path, diagnostics);
        if (plan?.Roster is { File: { } rosterFile } roster)
        {
            var rosterPath = Path.Combine(Path.GetDirectoryName(path) ?? "", rosterFile);
            if (readFile(rosterPath) is not { } rosterText)
            {
                if (!refused(rosterPath))
                {
                    diagnostics.Error("roster-file-missing", roster.At("file"), rosterFile);
                }
            }
            else if (TooLarge(rosterText, rosterPath, diagnostics))
            {
                plan = plan with { Roster = null };
            }
            else
            {
                var read = Read<RosterSpec>(rosterText, rosterPath, diagnostics);
                if (read?.File is not null)
                {
                    diagnostics.Error("roster-file-nested", read.At("file"), rosterFile);
                }

                plan = plan with { Roster = read is null ? null : read with { File = rosterFile } };
            }
        }

        if (plan?.Calendar is { Holidays: { File: { } holidaysFile } holidays } calendar)
        {
            plan = plan with { Calendar = calendar with { Holidays = ReadHolidays(holidays, holidaysFile, path, readFile, refused, diagnostics) } };
        }

        return new PlanSource(path, plan, diagnostics.Items);
    }

    // A plan, roster or holidays text over MaxFileBytes, counted as the file's bytes so that a text uploaded to the
    // server is held to what validate holds its file to: parsing one costs time and memory many times its size.
    private static bool TooLarge(string text, string path, DiagnosticBag diagnostics)
    {
        if (text.Length <= MaxFileBytes / 3 || System.Text.Encoding.UTF8.GetByteCount(text) is not (var bytes and > MaxFileBytes))
        {
            return false;
        }

        ReportTooLarge(path, bytes, diagnostics);
        return true;
    }

    private static void ReportTooLarge(string path, long size, DiagnosticBag diagnostics) => FileTooLarge.Report(diagnostics, path, size, MaxFileBytes);

    /// <summary>The holidays file a plan names, read relative to the plan; null when it is missing or empty.</summary>
    private static HolidaysSpec? ReadHolidays(HolidaysSpec named, string file, string planPath, Func<string, string?> readFile, Func<string, bool> refused, DiagnosticBag diagnostics)
    {
        var holidaysPath = Path.Combine(Path.GetDirectoryName(planPath) ?? "", file);
        if (readFile(holidaysPath) is not { } text)
        {
            if (!refused(holidaysPath))
            {
                diagnostics.Error("holidays-file-missing", named.At("file"), file);
            }

            return null;
        }

        if (TooLarge(text, holidaysPath, diagnostics))
        {
            return null;
        }

        var read = Read<HolidaysSpec>(text, holidaysPath, diagnostics);
        if (read?.File is not null)
        {
            diagnostics.Error("holidays-file-nested", read.At("file"), file);
        }

        return read is null ? null : read with { File = file };
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
        where T : PlanNode => Parse(yaml, path, diagnostics) is { } root ? Bind<T>(root, path, diagnostics) : null;

    /// <summary>
    /// Parses <paramref name="yaml"/> (JSON is read as the YAML it also is) into its root node, reporting a syntax
    /// error, an empty text or a second document at its line and column.
    /// </summary>
    /// <param name="yaml">The text.</param>
    /// <param name="path">The path to report positions against.</param>
    /// <param name="diagnostics">Receives every finding.</param>
    /// <returns>The first document's root, or null when the text is not YAML or is empty.</returns>
    public static YamlNode? Parse(string yaml, string path, DiagnosticBag diagnostics)
    {
        var scanner = new Scanner(new StringReader(yaml));
        return Load(new Parser(scanner), path, diagnostics, scanner, yaml);
    }

    /// <summary>
    /// Parses a JSON text into the root node <see cref="Parse"/> would give for it, by System.Text.Json (many times
    /// faster than reading it as YAML); a syntax error, an empty text or half a surrogate pair is reported at its line
    /// and column (in characters).
    /// </summary>
    /// <param name="json">The text.</param>
    /// <param name="path">The path to report positions against.</param>
    /// <param name="diagnostics">Receives every finding.</param>
    /// <returns>The root, or null when the text is not JSON or is empty.</returns>
    public static YamlNode? ParseJson(string json, string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (string.IsNullOrWhiteSpace(json))
        {
            diagnostics.Error("empty-file", new SourceLocation(path, 1, 1));
            return null;
        }

        if (!JsonEventParser.TryCreate(json, out var parser, out var error))
        {
            diagnostics.Error("json-syntax", new SourceLocation(path, error.Line, error.Column), error.Reason);
            return null;
        }

        return Load(parser!, path, diagnostics, null);
    }

    // The scanner under a YAML parser tells where it stopped when an error knows no position; JSON has none.
    private static YamlNode? Load(IParser events, string path, DiagnosticBag diagnostics, Scanner? scanner, string? text = null)
    {
        var stream = new YamlStream();
        var parser = new BoundedYamlParser(events, MaxDepth, MaxAliasedValues);
        var keys = new DuplicateKeyParser(parser);
        try
        {
            stream.Load(keys);
        }
        catch (YamlException) when (parser.TooManyAliasedAt is { } alias)
        {
            diagnostics.Error("yaml-aliases-too-large", new SourceLocation(path, (int)alias.Line, (int)alias.Column), MaxAliasedValues.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }
        catch (YamlException) when (parser.TooDeepAt is { } deep)
        {
            diagnostics.Error("yaml-too-deep", new SourceLocation(path, (int)deep.Line, (int)deep.Column), MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return null;
        }
        catch (AnchorNotFoundException e) when (parser.UnknownAliasAt is { } alias)
        {
            diagnostics.Error("yaml-syntax", new SourceLocation(path, (int)alias.Line, (int)alias.Column), YamlSyntaxReason.Arguments(Describe(e)));
            return null;
        }
        catch (YamlException) when (keys.Duplicate is var (key, at))
        {
            diagnostics.Error("duplicate-key", new SourceLocation(path, (int)at.Line, (int)at.Column), key);
            return null;
        }
        catch (YamlException e)
        {
            // Some of YamlDotNet's errors (a tab indenting a key) carry no position: the scanner stopped where it is.
            var at = e.Start.Equals(Mark.Empty) && scanner is not null ? scanner.CurrentPosition : e.Start;
            var said = Describe(e);
            var (line, column) = ((int)at.Line, (int)at.Column);
            if (said.Contains("incompatible YAML document", StringComparison.Ordinal) && text is not null && VersionDirectiveBefore(text, line) is { } directive)
            {
                // YamlDotNet says it at the '---' after the directive; the version to change is on the directive's line.
                (line, column) = (directive, 1);
            }

            var arguments = text is not null && SecondTag.At(text, line, column) ? YamlSyntaxReason.TwoTags(said) : YamlSyntaxReason.Arguments(said);
            diagnostics.Error("yaml-syntax", new SourceLocation(path, line, column), arguments);
            return null;
        }
        catch (ArgumentException e) when (scanner is not null)
        {
            // YamlDotNet's parser refuses an empty verbatim tag ('!<>') this way, knowing no position: the scanner is just
            // past it, so the finding stands at the last '!<>' before there on its line.
            var at = scanner.CurrentPosition;
            var (line, column) = ((int)at.Line, (int)at.Column);
            if (text is not null && text.Split('\n').ElementAtOrDefault(line - 1) is { } written
                && written.LastIndexOf("!<>", Math.Clamp(column - 1, 0, Math.Max(written.Length - 1, 0)), StringComparison.Ordinal) is >= 0 and var tag)
            {
                column = tag + 1;
            }

            diagnostics.Error("yaml-syntax", new SourceLocation(path, line, column), YamlSyntaxReason.Arguments(e.Message));
            return null;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner gives up this way on some unterminated constructs, knowing no position: it stopped where it is.
            var at = scanner?.CurrentPosition ?? Mark.Empty;
            diagnostics.Error("yaml-syntax", new SourceLocation(path, (int)at.Line, (int)at.Column), YamlSyntaxReason.Arguments(e.Message));
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

        return stream.Documents[0].RootNode;
    }

    /// <summary>
    /// Binds an already parsed YAML tree (or a tree a caller assembled around parsed nodes) like <see cref="Read{T}"/>
    /// does: positions come from the nodes' marks, so nodes parsed from a caller's text keep pointing into that text.
    /// </summary>
    /// <typeparam name="T">The document's root record.</typeparam>
    /// <param name="root">The root node.</param>
    /// <param name="path">The path to report positions against.</param>
    /// <param name="diagnostics">Receives every finding.</param>
    public static T? Bind<T>(YamlNode root, string path, DiagnosticBag diagnostics)
        where T : PlanNode => new NodeBinder(path, diagnostics).BindRoot<T>(root);

    // The line (from 1) of the last '%YAML' directive before the line before, if any.
    private static int? VersionDirectiveBefore(string text, int before)
    {
        var lines = text.Split('\n');
        for (var i = Math.Min(before, lines.Length) - 1; i >= 0; i--)
        {
            if (lines[i].StartsWith("%YAML", StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return null;
    }

    private static string Describe(YamlException e)
    {
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: …): "; the position is reported separately.
        var message = e.InnerException?.Message ?? e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(cut + 3)..] : message;
    }
}
