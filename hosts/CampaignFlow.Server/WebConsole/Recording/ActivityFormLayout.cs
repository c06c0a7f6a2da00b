using System.Globalization;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Resolution;

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
                flags.Contains(n))).ToArray());
    }
}
