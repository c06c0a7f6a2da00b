using System.Globalization;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.WebConsole.Shell;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// What the recording form of one activity kind asks for, read from the unit's plan: the day, time and duration
/// every activity has, the participants from the unit's roster, the people from outside the unit the plan's
/// attendance requirements count, and the attributes the kind declares or the plan's requirements look at.
/// </summary>
/// <param name="Kind">The activity kind's id.</param>
/// <param name="Title">Its title (集中学习).</param>
/// <param name="People">The unit's roster, in roster order.</param>
/// <param name="ExternalRoles">Roles from outside the unit that the plan counts at this kind's activities (supervisor…), with their titles.</param>
/// <param name="Attributes">The attributes to ask for.</param>
public sealed record ActivityFormLayout(string Kind, string Title, IReadOnlyList<Person> People, IReadOnlyList<(string Role, string Title)> ExternalRoles, IReadOnlyList<AttributeField> Attributes)
{
    /// <summary>
    /// The stored occurrences a record of this kind may evaluate (its <c>concerns</c>), newest first, with the words a
    /// recorder knows them by: the kind carries the share a re-work requirement of the plan reads (不满意 of a
    /// 民主生活会评议), which judges only the occurrence the evaluation names. Empty when it evaluates nothing.
    /// </summary>
    public IReadOnlyList<(string Key, string Title)> Evaluates { get; init; } = [];

    /// <summary>
    /// The stored occurrences of this kind a record may hold again (its <c>replaces</c>), newest first: the kind is
    /// one the plan holds again on a failed evaluation or review. Empty when the plan never holds it again.
    /// </summary>
    public IReadOnlyList<(string Key, string Title)> MayReplace { get; init; } = [];

    /// <summary>A new form's values: a fresh key, <paramref name="day"/>, and the latest occurrence it may evaluate.</summary>
    /// <param name="day">The day offered.</param>
    public ActivityFormValues NewValues(DateOnly day) =>
        ActivityFormValues.New(Kind, day) with { Concerns = Evaluates.Count > 0 ? Evaluates[0].Key : "" };

    /// <summary>
    /// This form with the occurrences of <paramref name="records"/> it may evaluate or hold again, as the plan's
    /// re-work requirements say: without them a recorder in the console could never link an evaluation to its
    /// meeting, nor a meeting held again to the one it replaces, and the plan's 重开 would never be judged.
    /// </summary>
    /// <param name="plan">The unit's plan.</param>
    /// <param name="records">The unit's records.</param>
    /// <param name="request">The reader's words.</param>
    public ActivityFormLayout WithOccurrences(ResolvedPlan plan, IReadOnlyList<StoredRecord> records, ConsoleRequest request)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(request);
        var reworked = plan.Requirements.OfType<Rework>().Where(r => r.Subject.Kind == SubjectKind.Activity).ToArray();
        var attributes = plan.Vocabulary.Activities.TryGetValue(Kind, out var own) ? own.Attributes : [];
        var evaluated = reworked.Where(r => r.Subject.Id != Kind && r.Condition.Attribute is { } a && attributes.Contains(a))
            .Select(r => r.Subject.Id).Distinct(StringComparer.Ordinal).ToArray();
        IReadOnlyList<(string, string)> Occurrences(IReadOnlyCollection<string> kinds)
        {
            var found = records.Where(r => r.Type == "activity" && kinds.Contains(r.Kind))
                .OrderByDescending(r => r.Day).ThenByDescending(r => r.Sequence).ToArray();
            return found.Select(r => (r.Key, found.Count(o => o.Kind == r.Kind && o.Day == r.Day) > 1
                ? request.T("write-document-choice", plan.Vocabulary.KindTitle(r.Kind) ?? r.Kind, request.Day(r.Day), r.Key)
                : request.T("record-occurrence-choice", plan.Vocabulary.KindTitle(r.Kind) ?? r.Kind, request.Day(r.Day)))).ToArray();
        }

        return this with
        {
            Evaluates = evaluated.Length > 0 ? Occurrences(evaluated) : [],
            MayReplace = reworked.Any(r => r.Subject.Id == Kind) ? Occurrences([Kind]) : [],
        };
    }

    /// <summary>The form of every activity kind of <paramref name="plan"/>, in the vocabulary's order.</summary>
    /// <param name="plan">The unit's plan.</param>
    /// <param name="culture">The reader's culture, for the attributes' labels.</param>
    public static IReadOnlyList<ActivityFormLayout> AllOf(ResolvedPlan plan, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Vocabulary.Activities.Keys.Select(kind => For(plan, kind, culture)!).ToArray();
    }

    /// <summary>The form of <paramref name="kind"/>, or null when the plan has no such activity kind.</summary>
    /// <param name="plan">The unit's plan.</param>
    /// <param name="kind">An activity kind's id.</param>
    /// <param name="culture">The reader's culture, for the attributes' labels.</param>
    public static ActivityFormLayout? For(ResolvedPlan plan, string kind, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!plan.Vocabulary.Activities.TryGetValue(kind, out var activity))
        {
            return null;
        }

        var requirements = plan.Requirements.Where(r => r.Subject.Kind == SubjectKind.Activity && r.Subject.Id == kind).ToArray();
        var names = new List<string>(activity.Attributes);
        var choices = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        foreach (var requirement in requirements)
        {
            foreach (var (name, value) in requirement.Where)
            {
                names.Add(name);
                if (bool.TryParse(value, out _))
                {
                    flags.Add(name);
                }
            }

            var counted = requirement switch
            {
                Coverage { Form: CoverageForm.Values, Attribute: { } attribute } coverage => (attribute, coverage.Values),
                QuantityTarget target => (target.Attribute, []),
                OccurrenceMinimum occurrence => (occurrence.Attribute, []),
                _ => ((string?)null, (IReadOnlyList<string>)[]),
            };
            if (counted.Item1 is { } counts)
            {
                names.Add(counts);
                if (counted.Item2.Count > 0)
                {
                    var list = choices.TryGetValue(counts, out var known) ? known : choices[counts] = [];
                    list.AddRange(counted.Item2.Where(v => !list.Contains(v)));
                }
            }
        }

        // The votes a re-work share of this kind is read from, as the service checks them (votes-not-a-count).
        var shares = plan.Requirements.OfType<Rework>().Select(r => r.Condition)
            .Where(c => c.Threshold is not null && c.Attribute is { } a && activity.Attributes.Contains(a)).Select(c => c.Attribute!).ToArray();

        // Roles outside the unit that an attendance requirement counts: the unit reports how many came.
        var externals = requirements.OfType<Attendance>().SelectMany(a => a.ByRole.Keys)
            .Where(role => role == Api.Records.RecordRights.SupervisorRole || (plan.Vocabulary.Roles.TryGetValue(role, out var r) && r.External))
            .Distinct(StringComparer.Ordinal).Select(role => (role, plan.Vocabulary.TitleOf(role) ?? role)).ToArray();
        return new ActivityFormLayout(
            kind,
            activity.Title.Length > 0 ? activity.Title : kind,
            plan.Roster.People,
            externals,
            names.Distinct(StringComparer.Ordinal).Select(n => new AttributeField(
                n,
                activity.AttributeWord(n, culture),
                choices.TryGetValue(n, out var c) ? c.Select(v => (v, activity.ValueTitle(v))).ToArray() : [],
                flags.Contains(n))
            {
                IsCount = shares.Any(a => CampaignFlow.Compliance.Judges.EvaluationVotes.IsCounted(n, a)),
            }).ToArray());
    }
}
