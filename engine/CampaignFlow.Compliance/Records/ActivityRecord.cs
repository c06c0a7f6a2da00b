namespace CampaignFlow.Compliance.Records;

/// <summary>An activity a unit held: a study session, a meeting, a talk, a research trip, an evaluation.</summary>
/// <param name="Key">The idempotency key.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Day">The day it started.</param>
/// <param name="Kind">The activity kind (an id of the plan's vocabulary).</param>
public sealed record ActivityRecord(string Key, string Unit, DateOnly Day, string Kind) : UnitRecord(Key, Unit, Day)
{
    /// <summary>The last day it ran (the same as <see cref="UnitRecord.Day"/> for one day).</summary>
    public DateOnly LastDay { get; init; } = Day;

    /// <summary>The time of day it ended on <see cref="LastDay"/>, when the recorder gave one (<c>until: 2014-03-07 17:30</c>).</summary>
    public TimeOnly? EndTime { get; init; }

    /// <summary>How long it took, in working hours.</summary>
    public decimal Hours { get; init; }

    /// <summary>Roster ids of the unit's people who took part.</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>People from outside the unit, counted by role.</summary>
    public IReadOnlyDictionary<string, int> Externals { get; init; } = new Dictionary<string, int>();

    /// <summary>The names of the people from outside the unit, by role, where the recorder gave them (counted in <see cref="Externals"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> ExternalNames { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Attributes as the activity kind declares them (includesCriticism, unsatisfied, trainees…).</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>The key of the record this one is about (the meeting an evaluation evaluates).</summary>
    public string? Concerns { get; init; }

    /// <summary>The key of the activity this one holds again.</summary>
    public string? Replaces { get; init; }

    /// <summary>The branch it belongs to, for requirements counted per branch.</summary>
    public string? Branch { get; init; }

    /// <summary>The department it belongs to, for requirements counted per department.</summary>
    public string? Department { get; init; }

    /// <summary>For a test: the participants who failed it (不达标), who alone re-take it; empty when none is named.</summary>
    public IReadOnlyList<string> Failed { get; init; } = [];

    /// <summary>For a test some failed: the day the re-take is due, when the examiner set one (<c>due:</c> or <c>within:</c>).</summary>
    public DateOnly? Due { get; init; }

    /// <summary>True when every pair of <paramref name="expected"/> attribute values is present and equal.</summary>
    /// <param name="expected">Attribute values a requirement asks for.</param>
    public bool Matches(IReadOnlyDictionary<string, string> expected) =>
        expected.All(e => Attributes.TryGetValue(e.Key, out var v) && string.Equals(v, e.Value, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the activity's attributes meet <paramref name="condition"/> (a requirement's whole <c>where</c>).</summary>
    /// <param name="condition">What a requirement asks of the activities it counts.</param>
    public bool Matches(Plans.Requirements.Conditions.WhereCondition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return condition.Matches(Attributes);
    }

    /// <summary>The numeric value of an attribute, or 0 when absent or not a number.</summary>
    /// <param name="name">The attribute.</param>
    public decimal Number(string name) =>
        Attributes.TryGetValue(name, out var text) && decimal.TryParse(text, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0;
}
