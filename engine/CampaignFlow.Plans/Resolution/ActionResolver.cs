using System.Globalization;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Requirements.Conditions;
using CampaignFlow.Plans.Syntax;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Resolution;

/// <summary>
/// Checks one action against the vocabulary and roster and resolves each of its constraints to a typed
/// <see cref="Requirement"/>. Findings point at the key that is wrong.
/// </summary>
internal sealed class ActionResolver(
    Vocabulary vocabulary,
    Roster roster,
    WorkingHours workingHours,
    DateWindow campaign,
    Func<Period, SourceLocation, DateWindow?> resolve,
    IReadOnlyDictionary<string, string> definedIn,
    string planId,
    DiagnosticBag diagnostics)
{
    private static readonly string[] Subjects = ["activity", "document", "publish", "ledger", "spanAtLeast"];

    /// <summary>Working days in a working week, for amounts of working time written in weeks.</summary>
    public const int WorkingDaysPerWeek = 5;

    public ResolvedAction Resolve(ActionSpec action, string? phaseId, DateWindow phaseWindow)
    {
        // "安排一周时间，系统学习" asks for a working week of study: five working days, not seven on the calendar.
        action = action with { AtLeast = AsWorkingWeeks(action.AtLeast), AtMost = AsWorkingWeeks(action.AtMost) };
        var window = phaseWindow;
        if (action.Window is { } written && resolve(written, action.At("window")) is { } narrowed)
        {
            if (!phaseWindow.Contains(narrowed))
            {
                diagnostics.Error("action-outside-phase", action.At("window"), action.Id, narrowed.ToString(), phaseWindow.ToString());
            }

            window = narrowed;
        }

        var subject = SubjectOf(action);
        // An average is the unit's, over its people: "who" names them without making the action per person.
        var scope = action.Per ?? (action.Who is null || action.AverageAtLeast is not null ? Scope.Unit : Scope.Person);
        if (scope == Scope.Person && action.Who is null)
        {
            diagnostics.Error("who-needed", action.At("per"), action.Id);
        }

        // Over the members of the units below, "who" picks them from each unit's roster, not from the body's.
        var overMembers = action.AcrossUnits is not null && scope == Scope.Person;
        var people = action.Who is { } who && CheckSelector(who, action, "who", warnIfNobody: !overMembers) && !overMembers ? Select(who) : [];
        CheckAttributes(action, subject);
        if (!action.Damaged)
        {
            CheckAmounts(action, subject);
        }

        var owner = definedIn.GetValueOrDefault(action.Id, planId);
        var across = AcrossUnitsOf(action, scope);
        var requirements = new List<Requirement>();
        if (subject is not null)
        {
            IReadOnlyList<string> targets = scope switch
            {
                Scope.Person => people.Select(p => p.Id).ToArray(),
                Scope.Branch => roster.Branches.Keys.ToArray(),
                Scope.Department => roster.Departments.Keys.ToArray(),
                _ => [],
            };
            var build = new RequirementFactory(action, phaseId, window, subject, scope, targets, owner, across,
                action.Where is { } where ? ReferredThings.Fill(where, vocabulary.Places) : Requirements.Conditions.AllOf.Nothing);
            AddRequirements(action, subject, people, build, requirements);
        }

        return new ResolvedAction(action.Id, action.Title ?? action.Id, phaseId, window, owner, action.Source ?? [], requirements);
    }

    /// <summary>The units below a body an action counts over, checked; null for an action of the unit itself.</summary>
    private AcrossUnits? AcrossUnitsOf(ActionSpec action, Scope scope)
    {
        if (action.AcrossUnits is not { } spec)
        {
            return null;
        }

        if (action.Has("spanAtLeast"))
        {
            // A span reads every activity of every unit below; each unit's own plan judges its span.
            diagnostics.Error("across-units-span", action.At("acrossUnits"), action.Id);
        }

        MemberFilter? members = null;
        if (scope == Scope.Person && action.Who is { } who)
        {
            // Each person of the units below is picked from the unit's own roster: by role and rank, never by id.
            if (who.People is not null || who.Relation is not null)
            {
                diagnostics.Error("across-members-by-role", who.At(who.People is not null ? "people" : "relation"), action.Id);
            }

            members = new MemberFilter(who.Role, who.Rank, who.ExceptRank);
        }
        else if (scope != Scope.Unit)
        {
            // Each unit below is judged as a whole, or each of its members; not per branch or department.
            diagnostics.Error("across-units-per-unit", action.At(action.Has("per") ? "per" : "who"), action.Id);
        }

        if (members is not null && action.Has("byRank"))
        {
            // A rank's own amount is resolved per person of a roster, and the members below are in their units' rosters.
            diagnostics.Error("across-members-by-rank", action.At("byRank"), action.Id);
        }

        if (members is not null && spec.PerGroup)
        {
            diagnostics.Error("across-members-per-group", spec.At("perGroup"), action.Id);
        }

        for (var i = 0; i < (spec.Kinds?.Count ?? 0); i++)
        {
            if (!vocabulary.UnitKinds.ContainsKey(spec.Kinds![i]))
            {
                Unknown("unknown-unit-kind", spec.At($"kinds[{i}]"), spec.Kinds[i], vocabulary.UnitKinds.Keys);
            }
        }

        if (spec.Share is { Value: <= 0 or > 1 } share)
        {
            diagnostics.Error("threshold-out-of-range", spec.At("share"), share.Text);
        }

        if (spec.AfterBody is { IsCount: true } after)
        {
            diagnostics.Error("amount-must-be-time", spec.At("afterBody"), after.Text, "afterBody");
        }

        return new AcrossUnits(spec.Kinds ?? [], spec.Share, spec.AfterBody, spec.PerGroup) { Members = members };
    }

    private static Quantity? AsWorkingWeeks(Quantity? amount) =>
        amount is { Unit: QuantityUnit.Weeks } ? amount with { Value = amount.Value * WorkingDaysPerWeek, Unit = QuantityUnit.WorkDays } : amount;

    private Subject? SubjectOf(ActionSpec action)
    {
        var written = Subjects.Where(action.Has).ToArray();
        if (action.ForEach is not null)
        {
            if (!vocabulary.Activities.ContainsKey(action.ForEach))
            {
                Unknown("unknown-activity", action.At("forEach"), action.ForEach, vocabulary.Activities.Keys);
            }

            if (written.Length != 1 || !(action.Has("activity") || action.Has("document")))
            {
                diagnostics.Error("obligation-needs-subject", action.At("forEach"), action.Id);
                return null;
            }
        }
        else if (written.Length == 0 && !action.Damaged)
        {
            diagnostics.Error("action-without-subject", action.Location, action.Id);
            return null;
        }
        else if (written.Length > 1)
        {
            var second = written.OrderBy(k => action.At(k).Line).ThenBy(k => action.At(k).Column).Last();
            diagnostics.Error("action-several-subjects", action.At(second), action.Id, string.Join(", ", written));
            return null;
        }

        switch (written[0])
        {
            case "activity":
                return Known(vocabulary.Activities, action.Activity!, "unknown-activity", action.At("activity"), SubjectKind.Activity);
            case "document":
                return Known(vocabulary.Documents, action.Document!, "unknown-document", action.At("document"), SubjectKind.Document);
            case "publish":
                return Known(vocabulary.Documents, action.Publish!, "unknown-document", action.At("publish"), SubjectKind.Publication);
            case "ledger":
                return Known(vocabulary.Ledgers, action.Ledger!, "unknown-ledger", action.At("ledger"), SubjectKind.Ledger);
            default:
                return new Subject(SubjectKind.Span, "");
        }
    }

    private Subject? Known<T>(IReadOnlyDictionary<string, T> words, string id, string code, SourceLocation at, SubjectKind kind)
    {
        if (words.ContainsKey(id))
        {
            return new Subject(kind, id);
        }

        Unknown(code, at, id, words.Keys);
        return null;
    }

    private void Unknown(string code, SourceLocation at, string written, IEnumerable<string> known) =>
        diagnostics.ErrorWithSuggestion(code, at, NameSuggester.Closest(written, known), written);

    private bool CheckSelector(PeopleSelector selector, ActionSpec action, string key, bool relationAllowed = false, bool warnIfNobody = true)
    {
        var ok = true;
        if (selector.Role is { } role && !vocabulary.Roles.ContainsKey(role))
        {
            Unknown("unknown-role", selector.At("role"), role, vocabulary.Roles.Keys);
            ok = false;
        }

        foreach (var (rankKey, ranks) in new[] { ("rank", selector.Rank), ("exceptRank", selector.ExceptRank) })
        {
            for (var i = 0; i < (ranks?.Count ?? 0); i++)
            {
                if (!vocabulary.Ranks.Contains(ranks![i]))
                {
                    Unknown("unknown-rank", selector.At($"{rankKey}[{i}]"), ranks[i], vocabulary.Ranks);
                    ok = false;
                }
            }
        }

        for (var i = 0; i < (selector.People?.Count ?? 0); i++)
        {
            if (roster.Find(selector.People![i]) is null)
            {
                Unknown("unknown-person", selector.At($"people[{i}]"), selector.People[i], roster.People.Select(p => p.Id));
                ok = false;
            }
        }

        if (selector.Relation is not null && !relationAllowed)
        {
            diagnostics.Error("relation-not-here", selector.At("relation"), key);
            ok = false;
        }

        if (ok && warnIfNobody && roster.People.Count > 0 && selector.Relation is null && Select(selector).Count == 0)
        {
            diagnostics.Warning("selects-nobody", action.At(key), action.Id, key);
        }

        return ok;
    }

    // The people a selector picks, in roster order.
    private IReadOnlyList<Person> Select(PeopleSelector selector) =>
        roster.People.Where(p =>
                (selector.Role is null || p.Roles.Contains(selector.Role))
                && (selector.Rank is null || (p.Rank is not null && selector.Rank.Contains(p.Rank)))
                && (selector.ExceptRank is null || p.Rank is null || !selector.ExceptRank.Contains(p.Rank))
                && (selector.People is null || selector.People.Contains(p.Id)))
            .ToArray();

    private void CheckAttributes(ActionSpec action, Subject? subject)
    {
        var kind = action.Activity is { } a ? vocabulary.Activities.GetValueOrDefault(a) : null;
        var declared = kind?.Attributes ?? [];

        void Check(string attribute, SourceLocation at)
        {
            if (kind is not null && !declared.Contains(attribute))
            {
                diagnostics.ErrorWithSuggestion("unknown-attribute", at, NameSuggester.Closest(attribute, declared), attribute, action.Activity!);
            }
        }

        foreach (var part in action.Where?.Parts() ?? [])
        {
            var at = part.Location ?? action.At("where");
            switch (part)
            {
                case AttributeIs pair:
                    Check(pair.Attribute, at);
                    CheckValue(kind, pair.Attribute, pair.Value, at);
                    break;
                case ReferredIs referred:
                    Check(referred.Attribute, at);
                    if (kind is not null && declared.Contains(referred.Attribute) && !kind.Refers.ContainsKey(referred.Attribute))
                    {
                        diagnostics.Error("attribute-not-a-reference", at, referred.Attribute, action.Activity!);
                    }
                    else
                    {
                        CheckPlaceCondition(referred);
                    }

                    break;
            }
        }

        if (action.Sum is { } sum)
        {
            Check(sum, action.At("sum"));
        }

        if (action.Covers?.Attribute is { } covered)
        {
            Check(covered, action.Covers.At("attribute"));
            for (var i = 0; i < (action.Covers.Values?.Count ?? 0); i++)
            {
                CheckValue(kind, covered, action.Covers.Values![i], action.Covers.At($"values[{i}]"));
            }
        }

        if (action.RedoWhen?.Attribute is { } evaluated && subject?.Kind == SubjectKind.Activity)
        {
            // The re-work share is read from the evaluation of the activity, which may be a kind of its own.
            var evaluations = vocabulary.Activities.Values.SelectMany(v => v.Attributes).ToHashSet();
            if (!evaluations.Contains(evaluated))
            {
                diagnostics.ErrorWithSuggestion("unknown-attribute", action.At("redoWhen"), NameSuggester.Closest(evaluated, evaluations), evaluated, "evaluation");
            }
        }
    }

    // What a reference tests is a place's attributes: each named and valued as some place of the plan has it, or it
    // would match no place, for the same reason a misspelt value matches no record.
    private void CheckPlaceCondition(ReferredIs referred)
    {
        var places = vocabulary.Places.Values;
        foreach (var pair in referred.Condition.Parts().OfType<AttributeIs>())
        {
            var at = pair.Location ?? referred.Location.GetValueOrDefault();
            var names = places.SelectMany(p => p.Attributes.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            if (!names.Contains(pair.Attribute))
            {
                diagnostics.ErrorWithSuggestion("unknown-place-attribute", at, NameSuggester.Closest(pair.Attribute, names), pair.Attribute, names.Length == 0 ? "-" : string.Join(", ", names));
                continue;
            }

            var values = places.Select(p => p.Attributes.GetValueOrDefault(pair.Attribute)).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray();
            if (!values.Contains(pair.Value, StringComparer.OrdinalIgnoreCase))
            {
                diagnostics.ErrorWithSuggestion("unknown-attribute-value", at, NameSuggester.Closest(pair.Value, values), pair.Value, pair.Attribute, string.Join(", ", values));
            }
        }

        foreach (var nested in referred.Condition.Parts().OfType<ReferredIs>())
        {
            diagnostics.Error("reference-in-reference", nested.Location ?? referred.Location.GetValueOrDefault(), nested.Attribute);
        }
    }

    // A value the plan's vocabulary does not list for the attribute matches no record: a typo, said with the closest value.
    private void CheckValue(ActivityKind? kind, string attribute, string value, SourceLocation at)
    {
        if (kind is not null && !kind.Allows(attribute, value))
        {
            diagnostics.ErrorWithSuggestion("unknown-attribute-value", at, NameSuggester.Closest(value, kind.Values[attribute]), value, attribute, string.Join(", ", kind.Values[attribute]));
        }
    }

    private void CheckAmounts(ActionSpec action, Subject? subject)
    {
        if (action.Exactly is not null && (action.AtLeast is not null || action.AtMost is not null))
        {
            diagnostics.Error("conflicting-amounts", action.At("exactly"), action.Id);
        }

        foreach (var key in new[] { "atLeast", "atMost", "exactly" })
        {
            var amount = key switch { "atLeast" => action.AtLeast, "atMost" => action.AtMost, _ => action.Exactly };
            if (amount is null)
            {
                continue;
            }

            if (amount.IsCalendarLength)
            {
                diagnostics.Error("amount-not-calendar", action.At(key), amount.Text, key);
            }
            else if ((action.Sum is not null || key == "exactly") && !amount.IsCount)
            {
                diagnostics.Error("amount-must-be-count", action.At(key), amount.Text, key);
            }
            else if (amount.IsCount && amount.Value != decimal.Truncate(amount.Value))
            {
                diagnostics.Error("count-not-whole", action.At(key), amount.Text);
            }
            else if (amount.Value < 0)
            {
                diagnostics.Error("amount-negative", action.At(key), amount.Text);
            }
        }

        if (action.AtLeast is { } least && action.AtMost is { } most && least.IsWorkingTime == most.IsWorkingTime
            && Value(least) > Value(most))
        {
            diagnostics.Error("minimum-above-maximum", action.At("atLeast"), least.Text, most.Text);
        }

        if (action.AverageAtLeast is { } average && (action.Who is null || !average.IsCount || subject?.Kind != SubjectKind.Activity))
        {
            diagnostics.Error("average-needs-who", action.At("averageAtLeast"));
        }

        if (action.EachAtLeast is { } each)
        {
            if (each.IsCount && action.Sum is null)
            {
                diagnostics.Error("each-count-needs-sum", action.At("eachAtLeast"), each.Text);
            }
            else if (!each.IsWorkingTime && !each.IsCount)
            {
                diagnostics.Error("amount-must-be-time", action.At("eachAtLeast"), each.Text, "eachAtLeast");
            }

            if (subject?.Kind != SubjectKind.Activity)
            {
                diagnostics.Error("key-needs-activity", action.At("eachAtLeast"), "eachAtLeast");
            }
        }

        CheckClassHours(action);
        if (action.StartsAt is not null && subject?.Kind != SubjectKind.Activity)
        {
            diagnostics.Error("key-needs-activity", action.At("at"), "at");
        }

        if (action.Within is { IsCount: true } within)
        {
            diagnostics.Error("amount-must-be-time", action.At("within"), within.Text, "within");
        }

        if (action.Within is not null && action.After is null && action.ForEach is null)
        {
            diagnostics.Error("within-needs-after", action.At("within"), action.Id);
        }

        if (action.SpanAtLeast is { } span && !(span.IsCalendarLength || span.Unit == QuantityUnit.WorkDays))
        {
            diagnostics.Error("amount-must-be-length", action.At("spanAtLeast"), span.Text);
        }

        if (action.Every is { } every && action.AtLeast is { IsWorkingTime: true } minimum)
        {
            var (days, name) = every switch
            {
                Recurrence.Week => (7, "week"),
                Recurrence.Month => (31, "month"),
                Recurrence.Quarter => (92, "quarter"),
                _ => (366, "year"),
            };
            var capacity = days * workingHours.Day;
            if (Hours(minimum) > capacity)
            {
                diagnostics.Error("minimum-exceeds-period", action.At("atLeast"), minimum.Text, name,
                    capacity.ToString("0.##", CultureInfo.InvariantCulture));
            }
        }

        if (action.Every is not null && action.AtLeast is null && action.AtMost is null)
        {
            diagnostics.Error("every-needs-amount", action.At("every"), action.Id);
        }

        if (action.ByRank is { } byRank)
        {
            if ((action.Per ?? (action.Who is null ? Scope.Unit : Scope.Person)) != Scope.Person)
            {
                diagnostics.Error("by-rank-needs-person", action.At("byRank"), action.Id);
            }

            foreach (var (rank, amount) in byRank)
            {
                if (!vocabulary.Ranks.Contains(rank))
                {
                    Unknown("unknown-rank", action.At($"byRank.{rank}"), rank, vocabulary.Ranks);
                }

                if (action.AtLeast is { } baseline && baseline.IsWorkingTime != amount.IsWorkingTime)
                {
                    diagnostics.Error("by-rank-mismatch", action.At($"byRank.{rank}"), amount.Text, baseline.Text);
                }
            }
        }

        if (action.RedoWhen?.Threshold is { } threshold && (threshold.Value < 0 || threshold.Value > 1))
        {
            diagnostics.Error("threshold-out-of-range", action.At("redoWhen"), threshold.Text);
        }

        foreach (var (key, needs) in new[] { ("to", "publish"), ("approvedBy", "document"), ("perParticipant", "forEach"), ("sum", "activity"), ("tally", "ledger") })
        {
            if (action.Has(key) && !action.Has(needs))
            {
                diagnostics.Error("key-needs-key", action.At(key), key, needs);
            }
        }

        foreach (var key in new[] { "covers", "attendedBy", "attendance" })
        {
            if (action.Has(key) && subject?.Kind != SubjectKind.Activity)
            {
                diagnostics.Error("key-needs-activity", action.At(key), key);
            }
        }
    }

    private decimal Value(Quantity amount) => amount.IsWorkingTime ? Hours(amount) : amount.Value;

    // 学时 in a plan that does not say how long one is has been reported (class-hour-undefined): it counts as nothing.
    private decimal Hours(Quantity amount) =>
        amount.Unit == QuantityUnit.ClassHours && workingHours.ClassHour is null ? 0 : amount.ToHours(workingHours);

    private void CheckClassHours(ActionSpec action)
    {
        (string Key, Quantity? Amount)[] amounts =
        [
            ("atLeast", action.AtLeast), ("atMost", action.AtMost), ("exactly", action.Exactly), ("eachAtLeast", action.EachAtLeast),
            ("averageAtLeast", action.AverageAtLeast), ("within", action.Within),
            .. (action.ByRank ?? new Dictionary<string, Quantity>()).Select(r => ($"byRank.{r.Key}", (Quantity?)r.Value)),
        ];
        foreach (var (key, amount) in amounts)
        {
            if (amount is not { Unit: QuantityUnit.ClassHours })
            {
                continue;
            }

            if (key == "within")
            {
                diagnostics.Error("class-hours-no-length", action.At(key), amount.Text, key);
            }
            else if (workingHours.ClassHour is null)
            {
                diagnostics.Error("class-hour-undefined", action.At(key), amount.Text);
            }
        }
    }

    private void AddRequirements(
        ActionSpec action,
        Subject subject,
        IReadOnlyList<Person> people,
        RequirementFactory build,
        List<Requirement> into)
    {
        if (action.ForEach is { } forEach)
        {
            var obliged = action.PerParticipant is { } selector && CheckSelector(selector, action, "perParticipant")
                ? Select(selector).Select(p => p.Id).ToArray()
                : [];
            into.Add(build.Make(new OccurrenceObligation { ForEach = forEach, Participants = obliged, PerParticipant = action.PerParticipant is not null, Within = action.Within }));
            return;
        }

        switch (subject.Kind)
        {
            case SubjectKind.Span:
                into.Add(build.Make(new TotalSpan { Minimum = action.SpanAtLeast! }));
                return;
            case SubjectKind.Ledger:
                into.Add(build.Make(new Ledger { Fields = vocabulary.Ledgers[subject.Id].Fields }));
                if (action.Tally is { Counts: { } counts } tally)
                {
                    var byValue = new Dictionary<string, int>();
                    foreach (var (value, count) in counts)
                    {
                        if (count.IsCount)
                        {
                            byValue[value] = (int)count.Value;
                        }
                        else
                        {
                            diagnostics.Error("amount-must-be-count", tally.At($"counts.{value}"), count.Text, "tally");
                        }
                    }

                    into.Add(build.Make(new LedgerTally { Field = tally.Field, Counts = byValue }));
                }

                AddAmounts(action, subject, people, build, into);
                break;
            case SubjectKind.Publication:
                into.Add(build.Make(new Publication { Audience = action.To ?? Audience.Unit }));
                break;
            case SubjectKind.Document:
                var document = vocabulary.Documents[subject.Id];
                var chain = action.ApprovedBy ?? document.ReviewChain;
                for (var i = 0; i < (action.ApprovedBy?.Count ?? 0); i++)
                {
                    if (!vocabulary.Roles.ContainsKey(action.ApprovedBy![i]))
                    {
                        Unknown("unknown-role", action.At($"approvedBy[{i}]"), action.ApprovedBy[i], vocabulary.Roles.Keys);
                    }
                }

                if (chain.Count > 0)
                {
                    into.Add(build.Make(new ApprovalGate
                    {
                        Chain = chain,
                        ChainByRank = action.ApprovedBy is null
                            ? document.ReviewChainByRank
                            : new Dictionary<string, IReadOnlyList<string>>(),
                        Gates = action.Before ?? [],
                    }));
                }

                AddAmounts(action, subject, people, build, into);
                break;
            default:
                AddAmounts(action, subject, people, build, into);
                AddActivityConstraints(action, build, into);
                break;
        }

        if (action.By is { } by && resolve(by, action.At("by")) is { } deadline)
        {
            if (!campaign.Contains(new DateWindow(deadline.End, deadline.End)))
            {
                diagnostics.Error("deadline-outside-campaign", action.At("by"), by.Text, deadline.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), campaign.ToString());
            }

            into.Add(build.Make(new Deadline { By = deadline.End }));
        }

        var gated = subject.Kind == SubjectKind.Document && into.OfType<ApprovalGate>().Any();
        if (action.After is not null || (action.Before is not null && !gated))
        {
            into.Add(build.Make(new Order { After = action.After ?? [], Before = gated ? [] : action.Before ?? [], Within = action.Within }));
        }

        if (action.EachAfter is { Count: > 0 } eachAfter)
        {
            into.Add(build.Make(new OrderEach { After = eachAfter }));
        }

        if (action.RedoWhen is { } redo)
        {
            into.Add(build.Make(new Rework { Condition = redo }));
        }
    }

    private void AddAmounts(ActionSpec action, Subject subject, IReadOnlyList<Person> people, RequirementFactory build, List<Requirement> into)
    {
        if (action.Every is { } every)
        {
            if (action.AtLeast is { } minimum)
            {
                var personal = people.ToDictionary(
                    p => p.Id,
                    p => Value(p.Rank is { } rank && action.ByRank?.GetValueOrDefault(rank) is { } own ? own : minimum));
                into.Add(build.Make(new PeriodMinimum
                {
                    Every = every,
                    Minimum = minimum,
                    MinimumValue = Value(minimum),
                    PersonMinimums = personal,
                    Sum = action.Sum,
                }));
            }

            if (action.AtMost is { } maximum)
            {
                into.Add(build.Make(new Cap { Every = every, Maximum = maximum, MaximumValue = Value(maximum) }));
            }

            return;
        }

        if (action.AverageAtLeast is { IsCount: true } average && people.Count > 0)
        {
            into.Add(build.Make(new PerPersonAverage { People = people.Select(p => p.Id).ToArray(), Minimum = average }));
        }

        if (action.AtLeast is { } target && (action.Sum is not null || target.IsWorkingTime))
        {
            into.Add(build.Make(new QuantityTarget { Attribute = action.Sum ?? "duration", Target = target }));
        }
        else if (action.AverageAtLeast is null && (action.Covers is null || action.Exactly is not null || action.AtLeast is not null))
        {
            // A coverage implies its records; a bare "at least one" beside it would only repeat it.
            var least = action.Exactly ?? action.AtLeast;
            var count = least is { IsCount: true } ? (int)least.Value : 1;
            into.Add(build.Make(new CountInWindow { AtLeast = count, AtMost = action.Exactly is null ? null : count }));
        }

        if (action.AtMost is { } cap)
        {
            into.Add(build.Make(new Cap { Maximum = cap, MaximumValue = Value(cap) }));
        }
    }

    private void AddActivityConstraints(ActionSpec action, RequirementFactory build, List<Requirement> into)
    {
        if (action.EachAtLeast is { IsWorkingTime: true } each)
        {
            into.Add(build.Make(new MinimumDuration { Minimum = each, MinimumHours = Hours(each) }));
        }
        else if (action.EachAtLeast is { IsCount: true } count && action.Sum is { } attribute)
        {
            into.Add(build.Make(new OccurrenceMinimum { Attribute = attribute, Minimum = count }));
        }

        if (action.StartsAt is { } startsAt)
        {
            into.Add(build.Make(new StartTime { At = startsAt }));
        }

        if (action.Covers is { } covers && ResolveCoverage(action, covers) is { } coverage)
        {
            into.Add(build.Make(coverage));
        }

        if (action.AttendedBy is { } attendedBy && CheckSelector(attendedBy, action, "attendedBy"))
        {
            var selected = Select(attendedBy);
            Func<Person, string?>? belongsTo = action.Per switch
            {
                Scope.Branch => p => p.Branch,
                Scope.Department => p => p.Department,
                _ => null,
            };
            var keys = action.Per == Scope.Branch ? roster.Branches.Keys : action.Per == Scope.Department ? roster.Departments.Keys : [];
            var byTarget = belongsTo is null
                ? new Dictionary<string, IReadOnlyList<string>>()
                : keys.ToDictionary(k => k, k => (IReadOnlyList<string>)selected.Where(p => belongsTo(p) == k).Select(p => p.Id).ToArray());
            into.Add(build.Make(new Participation { Participants = selected.Select(p => p.Id).ToArray(), ByTarget = byTarget, Rate = AttendanceRate(action), Occurrences = OccurrencesAsked(action) }));
        }
        else if (action.AttendanceRate is not null)
        {
            diagnostics.Error("attendance-rate-without-attended-by", action.At("attendanceRate"));
        }

        if (action.Attendance is { } attendance)
        {
            var byRole = new Dictionary<string, int>();
            var exactly = new Dictionary<string, int>();
            foreach (var (role, spec) in attendance)
            {
                if (!vocabulary.Roles.ContainsKey(role))
                {
                    Unknown("unknown-role", action.At($"attendance.{role}"), role, vocabulary.Roles.Keys);
                    continue;
                }

                if (spec.AtLeast is not null && spec.Exactly is not null)
                {
                    diagnostics.Error("attendance-both", spec.At("exactly"), role);
                    continue;
                }

                var (key, count) = spec.Exactly is { } exact ? ("exactly", exact) : ("atLeast", spec.AtLeast);
                if (count is null)
                {
                    diagnostics.Error("attendance-needs-count", action.At($"attendance.{role}"), role);
                }
                else if (!count.IsCount)
                {
                    diagnostics.Error("amount-must-be-count", spec.Exactly is null && !spec.Has("atLeast") ? action.At($"attendance.{role}") : spec.At(key), count.Text, "attendance");
                }
                else
                {
                    (key == "exactly" ? exactly : byRole)[role] = (int)count.Value;
                }
            }

            into.Add(build.Make(new Attendance { ByRole = byRole, ExactlyByRole = exactly }));
        }
    }

    // An action that asks for a number of occurrences (atLeast: 2次, exactly: 1次, or none: 1次) is attended when that
    // many are; one that asks for time (atLeast: 21天) or per period is attended at each of its occurrences.
    private static int? OccurrencesAsked(ActionSpec action) =>
        action.Every is not null ? null
        : action.Exactly is { IsCount: true } exactly ? (int)exactly.Value
        : action.AtLeast is { IsCount: true } least ? (int)least.Value
        : action.AtLeast is null && action.Exactly is null ? 1
        : null;

    private Fraction? AttendanceRate(ActionSpec action)
    {
        if (action.AttendanceRate is not { } rate)
        {
            return null;
        }

        if (rate.Value is <= 0 or > 1)
        {
            diagnostics.Error("threshold-out-of-range", action.At("attendanceRate"), rate.Text);
            return null;
        }

        return rate;
    }

    private Coverage? ResolveCoverage(ActionSpec action, CoverageSpec covers)
    {
        var forms = new[] { covers.Pairs is not null, covers.Each is not null || covers.With is not null, covers.Attribute is not null || covers.Values is not null };
        if (forms.Count(f => f) != 1 || (covers.Each is null) != (covers.With is null) || (covers.Attribute is null) != (covers.Values is null))
        {
            diagnostics.Error("coverage-form", covers.Location, action.Id);
            return null;
        }

        if (covers.Attribute is not null)
        {
            return new Coverage { Form = CoverageForm.Values, Pairs = [], Attribute = covers.Attribute, Values = covers.Values! };
        }

        var pairs = new List<PersonPair>();
        var seen = new HashSet<(string, string)>();
        var order = roster.People.Select((p, i) => (p.Id, i)).GroupBy(x => x.Id).ToDictionary(g => g.Key, g => g.First().i);

        void Add(Person a, Person b)
        {
            if (a.Id == b.Id)
            {
                return;
            }

            var (first, second) = order[a.Id] < order[b.Id] ? (a.Id, b.Id) : (b.Id, a.Id);
            if (seen.Add((first, second)))
            {
                pairs.Add(new PersonPair(first, second));
            }
        }

        CoverageForm form;
        if (covers.Pairs is { } set)
        {
            form = CoverageForm.AllPairs;
            if (CheckSelector(set, action, "covers"))
            {
                var members = Select(set);
                for (var i = 0; i < members.Count; i++)
                {
                    for (var j = i + 1; j < members.Count; j++)
                    {
                        Add(members[i], members[j]);
                    }
                }
            }
        }
        else
        {
            var with = covers.With!;
            form = with.Relation is null ? CoverageForm.Star : CoverageForm.Relation;
            if (CheckSelector(covers.Each!, action, "covers") && CheckSelector(with, action, "covers", relationAllowed: true))
            {
                foreach (var person in Select(covers.Each!))
                {
                    var others = with.Relation is { } relation ? roster.Related(person, relation) : Select(with);
                    foreach (var other in others)
                    {
                        Add(person, other);
                    }
                }
            }
        }

        if (roster.People.Count > 0 && pairs.Count == 0)
        {
            diagnostics.Warning("coverage-empty", covers.Location, action.Id);
        }

        return new Coverage { Form = form, Pairs = pairs, Values = [] };
    }
}
