using System.Globalization;
using CampaignFlow.Compliance.Judges;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Reading;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Plans.Text;
using YamlDotNet.RepresentationModel;

namespace CampaignFlow.Compliance.Logs;

/// <summary>
/// Reads an activity log against its unit's plan: every record becomes a typed <see cref="UnitRecord"/>, and every
/// unknown kind, person, document or date is reported at its file:line:column — all of a file's findings at once.
/// </summary>
public static class ActivityLogReader
{
    /// <summary>The longest record key accepted.</summary>
    public const int MaxKeyLength = 200;

    /// <summary>
    /// How many years before the plan's campaign window starts, or after it ends, a record's day may lie. Records
    /// come before a campaign (its preparation) and after it (rectification, late entries), but not decades away:
    /// a day such as 0001-01-01 or 9999-12-31 is a mistake.
    /// </summary>
    public const int MaxYearsFromCampaign = 5;

    /// <summary>The most hours one record may claim for each calendar day from its first to its last day.</summary>
    public const int MaxHoursPerDay = 24;

    private static readonly string[] What = ["activity", "document", "review", "publish", "ledger", "exception"];
    private static readonly string[] DoneWords = ["done", "completed", "complete", "已完成", "完成", "已整改"];

    /// <summary>Reads the log in <paramref name="path"/> for <paramref name="plan"/>: CSV when it ends in <c>.csv</c>, else YAML.</summary>
    /// <param name="path">The log file.</param>
    /// <param name="plan">The plan of the unit the log is for.</param>
    public static ActivityLog ReadFile(string path, ResolvedPlan plan)
    {
        try
        {
            // A log Excel saved in GBK is refused at its first foreign byte rather than read into names of U+FFFD.
            var read = new DiagnosticBag();
            if (Utf8File.Read(path, read) is not { } text)
            {
                return new ActivityLog(path, "", [], read.Items);
            }

            return path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? ActivityLogCsvReader.ReadText(text, path, plan) : ReadText(text, path, plan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var bag = new DiagnosticBag();
            FileReadFailure.Report(bag, path, e);
            return new ActivityLog(path, "", [], bag.Items);
        }
    }

    /// <summary>Reads a log from <paramref name="yaml"/>.</summary>
    /// <param name="yaml">The log's text.</param>
    /// <param name="path">The path to report positions against.</param>
    /// <param name="plan">The plan of the unit the log is for.</param>
    public static ActivityLog ReadText(string yaml, string path, ResolvedPlan plan)
    {
        var diagnostics = new DiagnosticBag();
        var document = PlanReader.Read<ActivityLogDocument>(yaml, path, diagnostics);
        return document is null ? new ActivityLog(path, "", [], diagnostics.Items) : Build(document, path, plan, diagnostics);
    }

    /// <summary>
    /// Reads records a unit sends (to the hosted service, say): one record, a list of records, or a whole log with
    /// <c>plan</c> and <c>records</c>, in YAML or in JSON (read as the YAML it also is, so positions are the JSON
    /// text's own). A review or publication may refer to a document recorded before, passed in
    /// <paramref name="knownDocuments"/>.
    /// </summary>
    /// <param name="text">The records' text.</param>
    /// <param name="path">The name to report positions against.</param>
    /// <param name="plan">The plan of the unit the records are for.</param>
    /// <param name="knownDocuments">Document records stored before, by key; null for none.</param>
    /// <param name="json">True when the text is JSON: read by System.Text.Json into the same nodes, faster.</param>
    public static ActivityLog ReadRecords(string text, string path, ResolvedPlan plan, IReadOnlyDictionary<string, DocumentRecord>? knownDocuments = null, bool json = false)
    {
        var diagnostics = new DiagnosticBag();
        if ((json ? PlanReader.ParseJson(text, path, diagnostics) : PlanReader.Parse(text, path, diagnostics)) is not { } root)
        {
            return new ActivityLog(path, "", [], diagnostics.Items);
        }

        // A bare record or list is wrapped into a log for this plan; the wrapped nodes keep their marks in the text.
        var isLog = root is YamlMappingNode mapping
                    && mapping.Children.Keys.Any(k => k is YamlScalarNode { Value: "records" or "plan" });
        if (!isLog)
        {
            var records = root is YamlMappingNode ? new YamlSequenceNode(root) : root;
            root = new YamlMappingNode(new YamlScalarNode("plan"), new YamlScalarNode(plan.Id), new YamlScalarNode("records"), records);
        }

        var document = PlanReader.Bind<ActivityLogDocument>(root, path, diagnostics);
        return document is null ? new ActivityLog(path, "", [], diagnostics.Items) : Build(document, path, plan, diagnostics, knownDocuments);
    }

    /// <summary>Turns a log as written (from YAML or CSV) into records, reporting what is wrong.</summary>
    /// <param name="document">The log as written.</param>
    /// <param name="path">Its file.</param>
    /// <param name="plan">The plan of the unit the log is for.</param>
    /// <param name="diagnostics">Findings so far (of reading); more are added.</param>
    /// <param name="knownDocuments">Document records stored before, which reviews and publications may refer to.</param>
    internal static ActivityLog Build(ActivityLogDocument document, string path, ResolvedPlan plan, DiagnosticBag diagnostics,
        IReadOnlyDictionary<string, DocumentRecord>? knownDocuments = null)
    {
        if (document.Plan != plan.Id && document.Plan.Length > 0)
        {
            diagnostics.Error("log-for-another-plan", document.At("plan"), document.Plan, plan.Id);
        }

        if (document.Unit is { Length: > 0 } unit && unit != plan.Unit.Id)
        {
            if (plan.Template is null)
            {
                diagnostics.Error("log-for-another-unit", document.At("unit"), unit, plan.Unit.Id);
            }
            else
            {
                // A unit's log on a template: its records are that unit's (the organisation files, not read here, name it).
                plan = ResolvedTemplate.ForUnit(plan, new ResolvedUnit(unit, unit, plan.Unit.Kind, plan.Template.Body));
            }
        }

        var specs = document.Records ?? [];
        var documents = new Dictionary<string, KnownDocument>(StringComparer.Ordinal);
        foreach (var known in knownDocuments?.Values ?? [])
        {
            documents[known.Key] = new KnownDocument(known.Kind, known.Author);
        }

        foreach (var written in specs.Where(s => s.Document is not null).GroupBy(s => s.Key))
        {
            documents[written.Key] = new KnownDocument(written.First().Document!, written.First().Author);
        }

        var storedToo = knownDocuments is not null;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        var records = new List<UnitRecord>();
        foreach (var spec in specs)
        {
            // An empty key was reported where it was read (missing, or written as nothing); it identifies no record.
            if (string.IsNullOrWhiteSpace(spec.Key))
            {
                continue;
            }

            // Keys are stored, indexed and shown; a key that is a page long or holds control characters (which
            // PostgreSQL text cannot hold) is a mistake, not an id.
            if (spec.Key.Length > MaxKeyLength || spec.Key.Any(char.IsControl))
            {
                diagnostics.Error("bad-record-key", spec.At("key"), spec.Key.Length > 40 ? spec.Key[..40] + "…" : spec.Key, MaxKeyLength.ToString(CultureInfo.InvariantCulture));
                continue;
            }

            if (!keys.Add(spec.Key))
            {
                diagnostics.Error("duplicate-id", spec.At("key"), spec.Key, "record");
                continue;
            }

            if (new RecordBuilder(spec, plan, documents, storedToo, diagnostics).Build() is { } record)
            {
                records.Add(record);
                locations[record.Key] = spec.Location;
            }
        }

        return new ActivityLog(path, document.Plan, records, diagnostics.Items) { Locations = locations, UnitPlan = plan };
    }

    /// <summary>What a review or publication needs of the document it refers to.</summary>
    private sealed record KnownDocument(string Kind, string? Author);

    private sealed class RecordBuilder(RecordSpec spec, ResolvedPlan plan, IReadOnlyDictionary<string, KnownDocument> documents, bool storedToo, DiagnosticBag diagnostics)
    {
        private readonly string _unit = plan.Unit.Id;

        public UnitRecord? Build()
        {
            var written = What.Where(spec.Has).ToArray();
            if (written.Length != 1)
            {
                diagnostics.Error(written.Length == 0 ? "record-without-kind" : "record-several-kinds", written.Length == 0 ? spec.Location : spec.At(written[1]), spec.Key);
                return null;
            }

            // The kind was written but holds no text: null (reported here), or a list or mapping (the binder reported
            // it and marked the record damaged). Either way there is nothing to build the record from.
            if (KindText(written[0]) is null)
            {
                if (!spec.Damaged)
                {
                    diagnostics.Error("missing-value", spec.At(written[0]), written[0], "record");
                }

                return null;
            }

            if (Day() is not { } day)
            {
                return null;
            }

            var lastDay = day;
            if (spec.Until is not null)
            {
                if (LastDay(day) is not { } until)
                {
                    return null;
                }

                lastDay = until;
            }

            CheckPeople();
            UnitRecord? record = written[0] switch
            {
                "activity" => Activity(day, lastDay),
                "document" => Document(day),
                "review" => Review(day),
                "publish" => Publication(day),
                "ledger" => LedgerItem(day),
                _ => Exception(day),
            };

            record = record is null ? null : ReworkDeadlineReader.Apply(spec, record, plan, diagnostics, text => ParseDay(text, spec.At("due")));

            // A time of day orders two records of one day (an appraisal after the meeting it follows).
            return record is not null && spec.On is null && spec.Time is { } at && ParseTime(at, spec.At("at")) is { } time
                ? record with { Time = new TimeOnly(time.Hour, time.Minute) }
                : record;
        }

        private string? KindText(string kind) => kind switch
        {
            "activity" => spec.Activity,
            "document" => spec.Document,
            "review" => spec.Review,
            "publish" => spec.Publish,
            "ledger" => spec.Ledger,
            _ => spec.Exception,
        };

        private ActivityRecord? Activity(DateOnly day, DateOnly lastDay)
        {
            if (!Known(plan.Vocabulary.Activities, spec.Activity!, "unknown-activity", "activity"))
            {
                return null;
            }

            // A value the plan does not list for the attribute would match no where: said at the value, with the closest.
            var kind = plan.Vocabulary.Activities[spec.Activity!];
            foreach (var (attribute, value) in (spec.With ?? new Dictionary<string, string>()).Where(w => !kind.Allows(w.Key, w.Value)))
            {
                diagnostics.ErrorWithSuggestion("unknown-attribute-value", spec.ValueAt($"with.{attribute}"), NameSuggester.Closest(value, kind.Values[attribute]), value, attribute, string.Join(", ", kind.Values[attribute]));
            }

            // Votes a re-work share is read from are counted as numbers, and text or a fraction would count as none: a
            // meeting evaluated with 不满意 written 五 would pass. Said at the value.
            var shares = plan.Requirements.OfType<Rework>().Select(r => r.Condition)
                .Where(c => c.Threshold is not null && c.Attribute is { } a && kind.Attributes.Contains(a)).Select(c => c.Attribute!).ToArray();
            foreach (var (attribute, value) in (spec.With ?? new Dictionary<string, string>())
                .Where(w => shares.Any(a => EvaluationVotes.IsCounted(w.Key, a))
                            && !(int.TryParse(w.Value, NumberStyles.None, CultureInfo.InvariantCulture, out _))))
            {
                diagnostics.Error("votes-not-a-count", spec.ValueAt($"with.{attribute}"), value, attribute);
            }

            // A place the plan does not list would meet no where over what it names: said at the value, with the closest.
            var places = plan.Vocabulary.Places.Keys;
            foreach (var (attribute, value) in (spec.With ?? new Dictionary<string, string>())
                .Where(w => kind.Refers.GetValueOrDefault(w.Key) == "places" && !places.Contains(w.Value, StringComparer.OrdinalIgnoreCase)))
            {
                diagnostics.ErrorWithSuggestion("unknown-place", spec.ValueAt($"with.{attribute}"), NameSuggester.Closest(value, places), value, attribute, string.Join(", ", places));
            }

            return new ActivityRecord(spec.Key, _unit, day, spec.Activity!)
            {
                LastDay = lastDay,
                Hours = Hours(day, lastDay),
                EndTime = spec.Until is { Length: > 10 } until && ParseTime(until, spec.At("until")) is { } end ? new TimeOnly(end.Hour, end.Minute) : null,
                Participants = spec.Participants ?? [],
                Externals = ExternalCounts(),
                ExternalNames = spec.ExternalNames ?? new Dictionary<string, IReadOnlyList<string>>(),
                Attributes = spec.With ?? new Dictionary<string, string>(),
                Concerns = spec.Concerns,
                Replaces = spec.Replaces,
                Branch = spec.Branch,
                Department = spec.Department,
                Failed = spec.Failed ?? [],
            };
        }

        // Each name is one of its role; a count written beside the names may say more came, never fewer.
        private Dictionary<string, int> ExternalCounts()
        {
            var counts = new Dictionary<string, int>(spec.Externals ?? new Dictionary<string, int>(), StringComparer.Ordinal);
            foreach (var (role, names) in spec.ExternalNames ?? new Dictionary<string, IReadOnlyList<string>>())
            {
                if (counts.TryGetValue(role, out var count) && count < names.Count)
                {
                    diagnostics.Error("externals-fewer-than-names", spec.At($"externals.{role}"), role, count.ToString(CultureInfo.InvariantCulture), names.Count.ToString(CultureInfo.InvariantCulture));
                }

                counts[role] = Math.Max(counts.GetValueOrDefault(role), names.Count);
            }

            return counts;
        }

        private DocumentRecord? Document(DateOnly day) =>
            Known(plan.Vocabulary.Documents, spec.Document!, "unknown-document", "document")
                ? new DocumentRecord(spec.Key, _unit, day, spec.Document!) { Author = spec.Author, Replaces = spec.Replaces }
                : null;

        private ReviewRecord? Review(DateOnly day)
        {
            if (DocumentOf(spec.Review!, "review") is not { } reviewed)
            {
                return null;
            }

            if (spec.By is null)
            {
                diagnostics.Error("review-needs-role", spec.At("review"), spec.Key);
                return null;
            }

            if (!plan.Vocabulary.Roles.ContainsKey(spec.By))
            {
                diagnostics.ErrorWithSuggestion("unknown-role", spec.At("by"), NameSuggester.Closest(spec.By, plan.Vocabulary.Roles.Keys), spec.By);
            }

            return new ReviewRecord(spec.Key, _unit, day, spec.Review!, reviewed.Kind, spec.By, spec.Decision ?? ReviewDecision.Approved) { Reviewer = spec.Reviewer, Comment = spec.Comment };
        }

        private PublicationRecord? Publication(DateOnly day) =>
            DocumentOf(spec.Publish!, "publish") is { } published
                ? new PublicationRecord(spec.Key, _unit, day, spec.Publish!, published.Kind, spec.To ?? Audience.Unit) { Author = published.Author }
                : null;

        private LedgerItemRecord? LedgerItem(DateOnly day)
        {
            if (!Known(plan.Vocabulary.Ledgers, spec.Ledger!, "unknown-ledger", "ledger"))
            {
                return null;
            }

            var fields = spec.With ?? new Dictionary<string, string>();
            DateOnly? deadline = null;
            if (fields.TryGetValue("deadline", out var text))
            {
                deadline = ParseDay(text, spec.At("with.deadline"));
            }

            return new LedgerItemRecord(spec.Key, _unit, day, spec.Ledger!)
            {
                Fields = fields,
                Deadline = deadline,
                Done = fields.TryGetValue("status", out var status) && DoneWords.Contains(status.Trim(), StringComparer.OrdinalIgnoreCase),
            };
        }

        private ExceptionRecord? Exception(DateOnly day)
        {
            if (plan.Actions.All(a => a.Id != spec.Exception))
            {
                diagnostics.ErrorWithSuggestion("unknown-action", spec.At("exception"), NameSuggester.Closest(spec.Exception!, plan.Actions.Select(a => a.Id)), spec.Exception!);
                return null;
            }

            if (string.IsNullOrWhiteSpace(spec.Justification))
            {
                diagnostics.Error("exception-needs-justification", spec.At("exception"), spec.Key);
                return null;
            }

            return new ExceptionRecord(spec.Key, _unit, day, spec.Exception!, spec.Justification);
        }

        private KnownDocument? DocumentOf(string key, string field)
        {
            if (documents.TryGetValue(key, out var found))
            {
                return found;
            }

            diagnostics.ErrorWithSuggestion(storedToo ? "unknown-document-key" : "unknown-document-record", spec.At(field), NameSuggester.Closest(key, documents.Keys), key);
            return null;
        }

        private bool Known<T>(IReadOnlyDictionary<string, T> words, string id, string code, string field)
        {
            if (words.ContainsKey(id))
            {
                return true;
            }

            diagnostics.ErrorWithSuggestion(code, spec.At(field), NameSuggester.Closest(id, words.Keys), id);
            return false;
        }

        private void CheckPeople()
        {
            for (var i = 0; i < (spec.Participants?.Count ?? 0); i++)
            {
                CheckPerson(spec.Participants![i], $"participants[{i}]");
            }

            foreach (var field in new[] { ("author", spec.Author), ("reviewer", spec.Reviewer) })
            {
                if (field.Item2 is { } id)
                {
                    CheckPerson(id, field.Item1);
                }
            }

            foreach (var (key, roles) in new[] { ("externals", spec.Externals?.Keys), ("externalNames", spec.ExternalNames?.Keys) })
            {
                foreach (var role in roles ?? [])
                {
                    if (!plan.Vocabulary.Roles.ContainsKey(role))
                    {
                        diagnostics.ErrorWithSuggestion("unknown-role", spec.At($"{key}.{role}"), NameSuggester.Closest(role, plan.Vocabulary.Roles.Keys), role);
                    }
                }
            }
        }

        private void CheckPerson(string id, string field)
        {
            if (plan.Roster.Find(id) is null)
            {
                diagnostics.ErrorWithSuggestion("unknown-person", spec.At(field), NameSuggester.Closest(id, plan.Roster.People.Select(p => p.Id)), id);
            }
        }

        private DateOnly? Day()
        {
            if (spec.On is { } on)
            {
                return ParseDay(on, spec.At("on"));
            }

            if (spec.Time is { } at)
            {
                return ParseTime(at, spec.At("at")) is { } time ? DateOnly.FromDateTime(time) : null;
            }

            diagnostics.Error("record-without-day", spec.Location, spec.Key);
            return null;
        }

        /// <summary>The last day of <c>until</c>, or null (reported) when it is no day or ends before the record starts.</summary>
        private DateOnly? LastDay(DateOnly day)
        {
            var until = spec.Until!;
            var at = spec.At("until");
            if (until.Length > 10)
            {
                if (ParseTime(until, at) is not { } end)
                {
                    return null;
                }

                // With a time on both ends the times are compared; with a day on either, the days.
                var start = spec.On is null && spec.Time is { } startText && ParseTime(startText, spec.At("at")) is { } startTime
                    ? startTime
                    : day.ToDateTime(TimeOnly.MinValue);
                return end < start ? Backwards(until, at) : DateOnly.FromDateTime(end);
            }

            return ParseDay(until, at) is not { } last ? null : last < day ? Backwards(until, at) : last;
        }

        private DateOnly? Backwards(string until, SourceLocation at)
        {
            diagnostics.Error("until-before-start", at, until.Trim(), (spec.On ?? spec.Time ?? "").Trim());
            return null;
        }

        private decimal Hours(DateOnly day, DateOnly lastDay)
        {
            if (spec.Hours is { } hours)
            {
                if (!hours.IsWorkingTime)
                {
                    diagnostics.Error("amount-must-be-time", spec.At("hours"), hours.Text, "hours");
                    return 0;
                }

                var worth = plan.WorkingHours;
                if (hours.Unit == QuantityUnit.ClassHours && worth.ClassHour is null)
                {
                    diagnostics.Error("class-hour-undefined", spec.At("hours"), hours.Text);
                    return 0;
                }

                // A day holds 24 hours however it is spent; compared before multiplying, so no amount can overflow.
                var days = lastDay.DayNumber - day.DayNumber + 1;
                var most = days * (decimal)MaxHoursPerDay;
                var perUnit = hours.Unit switch
                {
                    QuantityUnit.WorkDays when hours.IsHalfDay => worth.HalfDay * 2,
                    QuantityUnit.WorkDays => worth.Day,
                    QuantityUnit.ClassHours => worth.ClassHour!.Value,
                    _ => 1,
                };
                var tooMany = perUnit > 0 && hours.Value > most / perUnit;
                if (tooMany)
                {
                    diagnostics.Error("hours-implausible", spec.At("hours"), hours.Text.Trim(), most.ToString(CultureInfo.InvariantCulture), days.ToString(CultureInfo.InvariantCulture));
                    return 0;
                }

                return hours.ToHours(worth);
            }

            if (spec.Time is { } at && spec.Until is { Length: > 10 } until
                && ParseTime(at, spec.At("at")) is { } from && ParseTime(until, spec.At("until")) is { } to && to > from)
            {
                return (decimal)(to - from).TotalHours;
            }

            // Several days without hours: whole working days.
            return lastDay > day ? (lastDay.DayNumber - day.DayNumber + 1) * plan.WorkdayHours : 0;
        }

        private DateOnly? ParseDay(string text, SourceLocation at)
        {
            if (DateOnly.TryParseExact(text.Trim(), ["yyyy-MM-dd", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return Plausible(day, at) ? day : null;
            }

            diagnostics.Error("bad-day", at, text);
            return null;
        }

        private DateTime? ParseTime(string text, SourceLocation at)
        {
            if (DateTime.TryParseExact(text.Trim(), ["yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            {
                return Plausible(DateOnly.FromDateTime(time), at) ? time : null;
            }

            diagnostics.Error("bad-time", at, text);
            return null;
        }

        private bool Plausible(DateOnly day, SourceLocation at)
        {
            var window = plan.Window;
            var earliest = window.Start.Year > MaxYearsFromCampaign ? window.Start.AddYears(-MaxYearsFromCampaign) : DateOnly.MinValue;
            var latest = window.End.Year <= DateOnly.MaxValue.Year - MaxYearsFromCampaign ? window.End.AddYears(MaxYearsFromCampaign) : DateOnly.MaxValue;
            if (day >= earliest && day <= latest)
            {
                return true;
            }

            diagnostics.Error("day-implausible", at, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), MaxYearsFromCampaign.ToString(CultureInfo.InvariantCulture), window.ToString());
            return false;
        }
    }
}
