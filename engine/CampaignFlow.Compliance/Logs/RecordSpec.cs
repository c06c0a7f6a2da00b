using System.ComponentModel;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Syntax;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Compliance.Logs;

/// <summary>One record of an activity log as written.</summary>
public sealed record RecordSpec : PlanNode
{
    /// <summary>The idempotency key.</summary>
    [PlanRequired, PlanTextOnly, Description("The record's idempotency key, unique in the unit: text (a bare 123 or true is refused).")]
    public string Key { get; init; } = "";

    /// <summary>An activity kind.</summary>
    [Description("An activity kind of the plan's vocabulary.")]
    public string? Activity { get; init; }

    /// <summary>A document kind.</summary>
    [Description("A document kind of the plan's vocabulary.")]
    public string? Document { get; init; }

    /// <summary>The key of the document record reviewed.</summary>
    [Description("The key of the document record this review concerns.")]
    public string? Review { get; init; }

    /// <summary>The key of the document record published.</summary>
    [Description("The key of the document record published.")]
    public string? Publish { get; init; }

    /// <summary>A ledger id.</summary>
    [Description("A ledger of the plan; the item's fields go in 'with'.")]
    public string? Ledger { get; init; }

    /// <summary>An action id of the plan that a justified exception excuses.</summary>
    [Description("An action of the plan that this justified exception excuses.")]
    public string? Exception { get; init; }

    /// <summary>The day.</summary>
    [Description("The day, e.g. 2014-02-14.")]
    public string? On { get; init; }

    /// <summary>The day and time.</summary>
    [PlanKey("at"), Description("The day and time, e.g. 2014-02-18 09:00, in the plan's time zone.")]
    public string? Time { get; init; }

    /// <summary>When it ended.</summary>
    [Description("When it ended: a day or a day and time.")]
    public string? Until { get; init; }

    /// <summary>How long it took, in working time.</summary>
    [Description("How long it took, in working time: 半天, 1天, 3小时, 4h.")]
    public Quantity? Hours { get; init; }

    /// <summary>Roster ids of the unit's people who took part.</summary>
    [Description("Roster ids of the unit's people who took part.")]
    public IReadOnlyList<string>? Participants { get; init; }

    /// <summary>People from outside the unit, by role.</summary>
    [Description("People from outside the unit by role: { supervisor: 2 }.")]
    public IReadOnlyDictionary<string, int>? Externals { get; init; }

    /// <summary>The names of people from outside the unit, by role; each counts as one of that role.</summary>
    [Description("Names of people from outside the unit by role, each counted as one of it: { upper-discipline: [汪国才] }.")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>>? ExternalNames { get; init; }

    /// <summary>A document's author.</summary>
    [Description("The roster id of a document's author.")]
    public string? Author { get; init; }

    /// <summary>The reviewing role.</summary>
    [Description("For a review: the reviewing role (principal, supervisor…).")]
    public string? By { get; init; }

    /// <summary>The decision.</summary>
    [Description("For a review: approved or returned.")]
    public ReviewDecision? Decision { get; init; }

    /// <summary>The reviewer's roster id.</summary>
    [Description("For a review: the reviewer's roster id, when one of the unit.")]
    public string? Reviewer { get; init; }

    /// <summary>What the reviewer said.</summary>
    [Description("For a review: what the reviewer said, above all why a document was returned.")]
    public string? Comment { get; init; }

    /// <summary>The day a re-work is due, as the reviewer (or examiner) set it.</summary>
    [Description("For a review that returns a document, or a test some failed: the day the re-work is due, e.g. 2014-06-10.")]
    public string? Due { get; init; }

    /// <summary>How long after this record the re-work is due, as the reviewer (or examiner) set it.</summary>
    [Description("For a review that returns a document, or a test some failed: how long after it the re-work is due: 10天 (calendar days), 5个工作日 (working days), 一周.")]
    public Quantity? Within { get; init; }

    /// <summary>For a test: the participants who failed it (below the mark), who re-take it.</summary>
    [Description("For a test: roster ids of the participants who failed it (不达标); only they re-take it.")]
    public IReadOnlyList<string>? Failed { get; init; }

    /// <summary>The audience of a publication.</summary>
    [Description("For a publication: unit, branch, public or superior.")]
    public Audience? To { get; init; }

    /// <summary>The key of the record this one is about.</summary>
    [Description("The key of the record this one is about (the meeting an evaluation evaluates).")]
    public string? Concerns { get; init; }

    /// <summary>The key of the record this one holds again.</summary>
    [Description("The key of the activity (or document) this one does again.")]
    public string? Replaces { get; init; }

    /// <summary>The branch it belongs to.</summary>
    [Description("The branch it belongs to, for requirements counted per branch.")]
    public string? Branch { get; init; }

    /// <summary>The department it belongs to.</summary>
    [Description("The department it belongs to, for requirements counted per department.")]
    public string? Department { get; init; }

    /// <summary>Attributes, or a ledger item's fields.</summary>
    [Description("Attributes as the activity kind declares them, or a ledger item's fields.")]
    public IReadOnlyDictionary<string, string>? With { get; init; }

    /// <summary>Why a soft requirement was not met.</summary>
    [Description("For an exception: why the soft requirement was not met.")]
    public string? Justification { get; init; }
}
