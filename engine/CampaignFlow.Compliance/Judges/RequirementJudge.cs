using System.Text.Json;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Compliance.Subjects;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Compliance.Violations;
using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// Judges one requirement: which records concern it (an alpha condition of its rule) and, once a period of it
/// has closed, whether the records of that period meet it. Judging is a pure function of the records, so the
/// rules engine can re-judge a period whenever a record of it changes and retract a verdict that no longer holds.
/// </summary>
/// <param name="requirement">The requirement judged.</param>
/// <param name="context">The plan it belongs to.</param>
public abstract class RequirementJudge(Requirement requirement, JudgeContext context)
{
    /// <summary>The requirement judged.</summary>
    public Requirement Requirement { get; } = requirement;

    /// <summary>The plan it belongs to.</summary>
    protected JudgeContext Context { get; } = context;

    /// <summary>The subject's Chinese title.</summary>
    protected string Title => Context.Title(Requirement.Subject);

    /// <summary>
    /// True when each relevant record is judged on its own (a ledger's overdue items: one violation per item);
    /// false when the records of a period are judged together.
    /// </summary>
    public virtual bool PerRecord => false;

    /// <summary>
    /// True when the verdict on a period reads only records dated inside it. The rule then collects only those, so
    /// a new record re-judges only the periods it falls in (the compliance benchmark measured this: a 绵阳 volunteer
    /// record went from 118 judge calls to 14).
    /// </summary>
    public virtual bool ReadsOnlyItsPeriod => false;

    /// <summary>
    /// True when the verdict reads the records of other units than the due's (a body's requirement over the units
    /// below it): the rule then collects every relevant record of the session, not only the due's unit's, and the
    /// session holds the records of the units below beside the body's own.
    /// </summary>
    public virtual bool ReadsOtherUnits => false;

    /// <summary>
    /// Names everything <see cref="IsRelevant"/> depends on. Rules of plans whose judges have equal keys (and equal
    /// requirement ids, kinds and severities) compile to one shared network, which asks the first plan's judge which
    /// records are relevant; so a judge whose relevance reads more than its requirement's kind, subject and
    /// <c>where</c> must add it here.
    /// </summary>
    public virtual string RelevanceKey =>
        $"{GetType().FullName}|{Requirement.Kind}|{Requirement.Subject.Kind}:{Requirement.Subject.Id}|{JsonSerializer.Serialize(Requirement.Matching.Text)}{Known(Requirement)}";

    // What a reference may name is part of what is relevant: two plans whose places differ match records differently.
    private protected static string Known(Requirement requirement) => string.Concat(requirement.Matching is var m
        ? m.Parts().Concat(m.Parts().OfType<Plans.Requirements.Conditions.NotCondition>().SelectMany(n => n.Item.Parts()))
            .OfType<Plans.Requirements.Conditions.ReferredIs>().Distinct()
            .Select(r => "|" + r.Attribute + ":" + JsonSerializer.Serialize(r.Known.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => k.Key + "=" + string.Join(",", k.Value.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => v.Key + ":" + v.Value)))))
        : []);

    /// <summary>True when records may set this requirement's deadlines at run time (<see cref="DeadlineSetBy"/>).</summary>
    public virtual bool SetsDeadlines => false;

    /// <summary>
    /// The day <paramref name="record"/> sets for this requirement at run time (a reviewer's <c>due:</c> on a return), when
    /// it sets one that falls before the requirement's window ends: the session then closes a period of its own on that
    /// day (<see cref="RunTimeDeadline"/>). Null for most records and most requirements.
    /// </summary>
    /// <param name="record">A record of the unit, new to the session.</param>
    /// <param name="find">The unit's records by key, for what the record is about.</param>
    public virtual DateOnly? DeadlineSetBy(UnitRecord record, Func<string, UnitRecord?> find) => null;

    /// <summary>True when <paramref name="record"/> may bear on the requirement.</summary>
    /// <param name="record">A record of the unit.</param>
    public abstract bool IsRelevant(UnitRecord record);

    /// <summary>The violation in the closed period <paramref name="due"/>, or null when the requirement is met there.</summary>
    /// <param name="due">The closed period and target.</param>
    /// <param name="records">Every relevant record of the unit (of any period).</param>
    public abstract Violation? Judge(Due due, IReadOnlyCollection<UnitRecord> records);

    /// <summary>
    /// What the records show in <paramref name="due"/> whatever the verdict: the records that count and the figure
    /// reached against the one required. A resolved violation's history step carries it, so it reads "4 h of 4 h after
    /// study-2014-w10" rather than repeating the gap it opened with. Null when the judge has no figure beyond its verdict.
    /// </summary>
    /// <param name="due">The closed period and target.</param>
    /// <param name="records">Every relevant record of the unit (of any period).</param>
    public virtual Evidence? Standing(Due due, IReadOnlyCollection<UnitRecord> records) => null;

    /// <summary>True for an activity of the requirement's subject kind that has the attributes it asks for.</summary>
    /// <param name="record">A record.</param>
    protected bool IsSubjectActivity(UnitRecord record) => SubjectRecords.IsActivity(record, Requirement.Subject, Requirement.Matching);

    /// <summary>The activities of the subject in the due's period, for its target when it has one.</summary>
    /// <param name="due">The period and target.</param>
    /// <param name="records">The relevant records.</param>
    protected IEnumerable<ActivityRecord> SubjectActivities(Due due, IReadOnlyCollection<UnitRecord> records) =>
        records.OfType<ActivityRecord>()
            .Where(a => a.Kind == Requirement.Subject.Id && a.Matches(Requirement.Matching) && a.Within(due.Start, due.End))
            .Where(a => due.Target is null || BelongsTo(a, due.Target))
            .OrderBy(a => a.Day).ThenBy(a => a.Key, StringComparer.Ordinal);

    /// <summary>
    /// True when a record counts for a target (per person, branch or department): an activity the person took part in
    /// (or of the branch or department), a document the person wrote, a publication of the person's document, a ledger
    /// item the person owns; any other record counts for every target.
    /// </summary>
    /// <param name="record">A record.</param>
    /// <param name="target">A roster id, branch or department.</param>
    /// <param name="records">The unit's records, to find the document a publication without an author publishes.</param>
    protected internal bool Owns(UnitRecord record, string target, IReadOnlyCollection<UnitRecord>? records = null) => record switch
    {
        ActivityRecord a => BelongsTo(a, target),
        DocumentRecord d => d.Author == target,
        PublicationRecord p => (p.Author ?? records?.OfType<DocumentRecord>().FirstOrDefault(d => d.Key == p.DocumentKey)?.Author) == target,
        LedgerItemRecord l => l.Fields.GetValueOrDefault("owner") == target,
        _ => true,
    };

    /// <summary>True when an activity counts for a target: a person taking part, or a branch or department it belongs to.</summary>
    /// <param name="activity">The activity.</param>
    /// <param name="target">A roster id, branch or department.</param>
    protected bool BelongsTo(ActivityRecord activity, string target) => Requirement.Scope switch
    {
        Plans.Requirements.Scope.Branch => activity.Branch == target,
        Plans.Requirements.Scope.Department => activity.Department == target,
        _ => activity.Participants.Contains(target),
    };

    /// <summary>A violation of this requirement in <paramref name="due"/>.</summary>
    /// <param name="due">The period and target.</param>
    /// <param name="code">The message code.</param>
    /// <param name="evidence">What the verdict rests on.</param>
    /// <param name="arguments">The values the message names.</param>
    protected Violation Violate(Due due, string code, Evidence evidence, params string[] arguments) => Violate(due, null, code, evidence, arguments);

    /// <summary>A violation of this requirement in <paramref name="due"/> concerning one record.</summary>
    /// <param name="due">The period and target.</param>
    /// <param name="record">The key of the record it concerns, or null.</param>
    /// <param name="code">The message code.</param>
    /// <param name="evidence">What the verdict rests on.</param>
    /// <param name="arguments">The values the message names.</param>
    protected Violation Violate(Due due, string? record, string code, Evidence evidence, params string[] arguments) => new()
    {
        Record = record,
        Unit = due.Unit,
        PlanId = Context.Plan.Id,
        PlanVersion = Context.Plan.Version,
        RequirementId = Requirement.Id,
        ActionId = Requirement.ActionId,
        Kind = Requirement.Kind,
        Severity = Requirement.Severity,
        PhaseId = Requirement.PhaseId,
        Period = due.Period,
        Target = due.Target,
        TargetName = due.Target is null ? null : Context.Name(due.Target),
        PeriodStart = due.Start,
        PeriodEnd = due.End,
        Code = code,
        Arguments = arguments,
        Evidence = evidence,
        Location = Requirement.Location,
        Source = Requirement.Source,
    };
}
