using System.Globalization;
using CampaignFlow.Plans.Diagnostics;
using CampaignFlow.Plans.Requirements;
using CampaignFlow.Plans.Syntax;
using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Resolution;

/// <summary>
/// Turns a plan as written (and its resolved parent) into a <see cref="ResolvedPlan"/>: every check that needs
/// more than one key — references, windows, order, inheritance — happens here, and every finding is collected.
/// </summary>
public static class PlanResolver
{
    /// <summary>Resolves <paramref name="plan"/>.</summary>
    /// <param name="plan">The plan as read.</param>
    /// <param name="inherited">Its parent's resolution, when it inherits one.</param>
    /// <param name="file">The plan's file.</param>
    /// <param name="diagnostics">Receives every finding.</param>
    /// <returns>The resolved plan, and what a child of it builds on; check <paramref name="diagnostics"/> before running it.</returns>
    internal static PlanResolution Resolve(PlanDocument plan, PlanResolution? inherited, string file, DiagnosticBag diagnostics)
    {
        var parent = inherited?.Plan;
        var template = TemplateOf(plan, parent, diagnostics);
        if (template is not null)
        {
            // A template runs for many units; it is resolved once, for a stand-in of the first kind it applies to
            // (CheckTemplateKinds makes sure every kind it names would keep the same actions).
            plan = plan with { Unit = new UnitSpec { Id = plan.Id, Name = plan.Title, Kind = template.AppliesTo.FirstOrDefault(), Parent = template.Body, Location = plan.Template!.Location } };
        }
        else if (!plan.Has("unit") && !plan.Damaged)
        {
            diagnostics.Error("missing-key", plan.Location, "unit", "plan");
        }

        var calendar = plan.Calendar ?? new CalendarSpec();
        if (Zones.PlanTimeZone.Find(calendar.TimeZone) is null)
        {
            diagnostics.Error("unknown-time-zone", calendar.At("timeZone"), calendar.TimeZone);
        }

        var workdayHours = calendar.WorkdayHours;
        if (workdayHours is <= 0 or > 24)
        {
            diagnostics.Error("workday-hours-out-of-range", calendar.At("workdayHours"), workdayHours.ToString(CultureInfo.InvariantCulture));
            workdayHours = 8;
        }

        var workingHours = WorkingHoursOf(calendar, workdayHours, diagnostics);

        if (plan.Id.Length > 0 && !PlanId.IsValid(plan.Id))
        {
            diagnostics.Error("plan-id-invalid", plan.At("plan"), plan.Id);
        }

        if (plan.Version < 1)
        {
            diagnostics.Error("version-out-of-range", plan.At("version"), plan.Version.ToString(CultureInfo.InvariantCulture));
        }

        var year = plan.Campaign.Year;
        var fallback = new DateWindow(new DateOnly(Math.Clamp(year, 1900, 2200), 1, 1), new DateOnly(Math.Clamp(year, 1900, 2200), 12, 31));
        var campaign = fallback;
        if (!plan.Campaign.Damaged && plan.Has("campaign") && year is < 1900 or > 2200)
        {
            diagnostics.Error("year-out-of-range", plan.Campaign.At("year"), year.ToString(CultureInfo.InvariantCulture));
        }
        else if (!plan.Campaign.Damaged && plan.Campaign.Window is { } campaignWindow)
        {
            if (campaignWindow.TryResolve(year, null, out var resolvedCampaign, out var campaignError))
            {
                campaign = resolvedCampaign;
            }
            else
            {
                diagnostics.Error(campaignError, plan.Campaign.At("window"));
            }
        }

        var periodsUsable = !plan.Campaign.Damaged && year is >= 1900 and <= 2200 && campaign != fallback;
        if (periodsUsable && parent is not null && !parent.Window.Contains(campaign))
        {
            // A unit's campaign is part of its body's: its actions could otherwise fall due where the body runs none.
            diagnostics.Error("widens-parent-campaign", plan.Campaign.At("window"), $"{plan.Campaign.Window?.Text} ({campaign})", parent.Id, parent.Window.ToString());
        }

        DateWindow? Resolve(Period period, SourceLocation at)
        {
            if (!periodsUsable)
            {
                return null; // the campaign's own finding explains why no period can be placed
            }

            if (period.TryResolve(year, campaign.Start, out var window, out var error))
            {
                return window;
            }

            diagnostics.Error(error, at);
            return null;
        }

        DateWindow? Quiet(Period period) => !periodsUsable ? null : period.TryResolve(year, campaign.Start, out var window, out _) ? window : null;

        // A unit keeps its body's holidays unless it names its own: a template or a unit's plan rarely repeats them.
        var workingCalendar = calendar.Holidays is { } holidays
            ? WorkingCalendarBuilder.Build(holidays, periodsUsable ? campaign : null, calendar.At("holidays"), diagnostics)
            : parent?.WorkingCalendar ?? WorkingCalendar.WeekendsOnly;
        var skipsHolidayWeeks = calendar.HolidayWeeks is { } holidayWeeks ? holidayWeeks == HolidayWeeks.Skipped : parent?.SkipsHolidayWeeks ?? false;

        var vocabulary = VocabularyBuilder.Build(plan, parent?.Vocabulary, diagnostics);
        if (template is not null)
        {
            CheckTemplateKinds(plan.Template!, inherited, vocabulary, diagnostics);
        }
        else if (parent is not null && vocabulary.UnitKinds.Count > 0)
        {
            if (plan.Unit.Kind is null)
            {
                diagnostics.Warning("unit-kind-missing", plan.Unit.Location, parent.Id, string.Join(", ", vocabulary.UnitKinds.Keys));
            }
            else if (!vocabulary.UnitKinds.ContainsKey(plan.Unit.Kind))
            {
                diagnostics.ErrorWithSuggestion("unknown-unit-kind", plan.Unit.At("kind"), KindSuggestion(plan.Unit.Kind, vocabulary), plan.Unit.Kind);
            }
        }

        var roster = RosterBuilder.Build(plan.Roster, vocabulary, diagnostics);

        var merger = inherited is null
            ? null
            : new InheritanceMerger(inherited.Merged, inherited.Plan.Actions.ToDictionary(a => a.Id, a => a.DefinedIn, StringComparer.Ordinal), plan, workingHours, Quiet, diagnostics)
            {
                ParentPhasesWrittenBy = inherited.PhasesWrittenBy ?? new Dictionary<string, string>(),
            };
        var merged = merger?.Merge() ?? plan;
        var definedIn = merger?.DefinedIn ?? new Dictionary<string, string>();

        var phases = new PhaseResolver(Resolve, diagnostics).Resolve(merged.Phases ?? [], campaign, topLevel: true);
        var allActions = new List<(ActionSpec Action, string? Phase, DateWindow Window)>();
        Collect(merged.Phases ?? [], phases, allActions);
        allActions.AddRange((merged.Actions ?? []).Select(a => (a, (string?)null, campaign)));

        CheckDuplicates(merged, allActions.Select(a => a.Action), diagnostics);
        OrderGraph.Check(allActions.Select(a => a.Action).ToArray(), diagnostics);
        OrderEachReferences.Check(allActions.Select(a => a.Action).ToArray(), diagnostics);
        CheckAppliesTo(allActions.Select(a => a.Action), vocabulary, diagnostics);

        var resolver = new ActionResolver(vocabulary, roster, workingHours, campaign, Resolve, definedIn, plan.Id, diagnostics);
        // A body's plan runs for the body too: an action it writes for other kinds of unit (appliesTo) is theirs.
        var ownKind = template is null ? plan.Unit.Kind : null;
        var actions = allActions
            .Where(a => ownKind is null || a.Action.AppliesTo is null || a.Action.AppliesTo.Contains(ownKind))
            .Select(a => resolver.Resolve(a.Action, a.Phase, a.Window)).ToArray();
        var ordered = PhaseSequence.Apply(merged.Phases ?? [], allActions.Select(a => a.Action).ToArray(), actions, diagnostics);

        var focus = new List<string>(plan.Focus ?? []);
        if (template is null && plan.Unit.Kind is { } kind && inherited?.Merged.FocusByUnitKind?.GetValueOrDefault(kind) is { } inheritedFocus)
        {
            focus.InsertRange(0, inheritedFocus);
        }

        var resolved = new ResolvedPlan
        {
            Id = plan.Id,
            Title = plan.Title,
            Version = plan.Version,
            File = file,
            Inherits = plan.Inherits,
            Unit = new ResolvedUnit(plan.Unit.Id, plan.Unit.Name, plan.Unit.Kind, plan.Unit.Parent),
            Template = template is null ? null : template with
            {
                FocusByKind = template.AppliesTo.ToDictionary(k => k, k => inherited?.Merged.FocusByUnitKind?.GetValueOrDefault(k) ?? [], StringComparer.Ordinal),
            },
            Supervisor = plan.Supervisor?.Name ?? parent?.Supervisor,
            Year = year,
            Window = campaign,
            TimeZone = calendar.TimeZone,
            WorkdayHours = workdayHours,
            WorkingHours = workingHours,
            WorkingCalendar = workingCalendar,
            SkipsHolidayWeeks = skipsHolidayWeeks,
            Vocabulary = vocabulary,
            Roster = roster,
            Focus = focus,
            Phases = phases,
            Actions = ordered,
        };
        return new PlanResolution(resolved, merged with { FocusByUnitKind = merged.FocusByUnitKind ?? inherited?.Merged.FocusByUnitKind }, merger?.PhasesWrittenBy);
    }

    private static WorkingHours WorkingHoursOf(CalendarSpec calendar, decimal day, DiagnosticBag diagnostics)
    {
        var halfDay = calendar.HalfDayHours ?? day / 2;
        if (halfDay <= 0 || halfDay > day)
        {
            diagnostics.Error("half-day-hours-out-of-range", calendar.At("halfDayHours"), halfDay.ToString(CultureInfo.InvariantCulture), day.ToString(CultureInfo.InvariantCulture));
            halfDay = day / 2;
        }

        decimal? classHour = null;
        if (calendar.ClassHour is { } written)
        {
            if (written.Unit == QuantityUnit.Hours && written.Value > 0 && written.Value <= day)
            {
                classHour = written.Value;
            }
            else
            {
                diagnostics.Error("class-hour-not-hours", calendar.At("classHour"), written.Text);

                // Reported once here, not again at every amount in 学时.
                classHour = 1;
            }
        }

        return new WorkingHours(day, halfDay, classHour);
    }

    private static void Collect(IReadOnlyList<PhaseSpec> specs, IReadOnlyList<ResolvedPhase> resolved, List<(ActionSpec, string?, DateWindow)> into)
    {
        for (var i = 0; i < specs.Count; i++)
        {
            foreach (var action in specs[i].Actions ?? [])
            {
                into.Add((action, specs[i].Id, resolved[i].Window));
            }

            Collect(specs[i].Phases ?? [], resolved[i].Links, into);
        }
    }

    private static void CheckDuplicates(PlanDocument plan, IEnumerable<ActionSpec> actions, DiagnosticBag diagnostics)
    {
        var phaseIds = new HashSet<string>();

        void Phases(IReadOnlyList<PhaseSpec>? phases)
        {
            foreach (var phase in phases ?? [])
            {
                if (!phaseIds.Add(phase.Id))
                {
                    diagnostics.Error("duplicate-id", phase.At("id"), phase.Id, "phase");
                }

                Phases(phase.Phases);
            }
        }

        Phases(plan.Phases);
        var actionIds = new HashSet<string>();
        foreach (var action in actions)
        {
            if (!actionIds.Add(action.Id))
            {
                diagnostics.Error("duplicate-id", action.At("id"), action.Id, "action");
            }
        }
    }

    // The kind whose title was written, whole or in part (执法监管部门和窗口单位 of 执法监管部门和窗口单位、服务行业 →
    // law-enforcement-windows) when only one title has it, else the closest id.
    private static string? KindSuggestion(string written, Vocabulary vocabulary)
    {
        var text = written.Trim();
        var titled = text.Length < 2 ? [] : vocabulary.UnitKinds
            .Where(k => k.Value == text || k.Value.Contains(text, StringComparison.Ordinal) || text.Contains(k.Value, StringComparison.Ordinal))
            .Select(k => k.Key).Take(2).ToArray();
        return titled.Length == 1 ? titled[0] : NameSuggester.Closest(written, vocabulary.UnitKinds.Keys);
    }

    private static ResolvedTemplate? TemplateOf(PlanDocument plan, ResolvedPlan? parent, DiagnosticBag diagnostics)
    {
        if (plan.Template is not { } template)
        {
            return null;
        }

        if (plan.Has("unit"))
        {
            diagnostics.Error("template-with-unit", plan.At("unit"));
        }

        var body = template.Body ?? parent?.Unit.Id;
        if (body is null)
        {
            diagnostics.Error("template-body-missing", template.Location);
        }

        return new ResolvedTemplate(body ?? "", template.AppliesTo, new Dictionary<string, IReadOnlyList<string>>())
        {
            KindsAt = template.At("appliesTo"),
            BodyAt = template.Has("body") ? template.At("body") : template.Location,
        };
    }

    // One resolution serves every kind a template applies to, so an inherited action bound to some of its kinds
    // only would hold for the wrong units: the author splits the template instead.
    private static void CheckTemplateKinds(TemplateSpec template, PlanResolution? inherited, Vocabulary vocabulary, DiagnosticBag diagnostics)
    {
        for (var i = 0; i < template.AppliesTo.Count; i++)
        {
            if (!vocabulary.UnitKinds.ContainsKey(template.AppliesTo[i]))
            {
                diagnostics.ErrorWithSuggestion("unknown-unit-kind", template.At($"appliesTo[{i}]"), KindSuggestion(template.AppliesTo[i], vocabulary), template.AppliesTo[i]);
            }
        }

        if (inherited is null || template.AppliesTo.Count < 2)
        {
            return;
        }

        foreach (var action in InheritedActions(inherited.Merged).Where(a => a.AppliesTo is not null))
        {
            var some = template.AppliesTo.Where(action.AppliesTo!.Contains).ToArray();
            if (some.Length > 0 && some.Length < template.AppliesTo.Count)
            {
                diagnostics.Error("template-kinds-differ", template.At("appliesTo"), action.Id, string.Join(", ", some), string.Join(", ", template.AppliesTo.Except(some)));
            }
        }
    }

    private static IEnumerable<ActionSpec> InheritedActions(PlanDocument merged)
    {
        IEnumerable<ActionSpec> InPhases(IReadOnlyList<PhaseSpec>? phases) =>
            (phases ?? []).SelectMany(p => (p.Actions ?? []).Concat(InPhases(p.Phases)));

        return InPhases(merged.Phases).Concat(merged.Actions ?? []);
    }

    private static void CheckAppliesTo(IEnumerable<ActionSpec> actions, Vocabulary vocabulary, DiagnosticBag diagnostics)
    {
        foreach (var action in actions)
        {
            for (var i = 0; i < (action.AppliesTo?.Count ?? 0); i++)
            {
                var kind = action.AppliesTo![i];
                if (!vocabulary.UnitKinds.ContainsKey(kind))
                {
                    diagnostics.ErrorWithSuggestion("unknown-unit-kind", action.At($"appliesTo[{i}]"), KindSuggestion(kind, vocabulary), kind);
                }
            }
        }
    }

    /// <summary>A requirement's statement in <paramref name="culture"/>, for listings.</summary>
    /// <param name="requirement">The requirement.</param>
    /// <param name="culture">Chinese for any zh culture, else English.</param>
    public static string Describe(Requirement requirement, CultureInfo culture) => Describe(requirement, (Vocabulary?)null, culture);

    /// <summary>
    /// What a requirement asks, in words of <paramref name="culture"/>; in Chinese, the activity, document and
    /// ledger kinds of <paramref name="vocabulary"/> are named by their titles, as the seed documents name them.
    /// </summary>
    /// <param name="requirement">The requirement.</param>
    /// <param name="vocabulary">The plan's vocabulary, or null to name kinds by id.</param>
    /// <param name="culture">The reader's culture.</param>
    public static string Describe(Requirement requirement, Vocabulary? vocabulary, CultureInfo culture) => Describe(requirement, vocabulary, null, culture);

    /// <summary>
    /// What a requirement asks, in words of <paramref name="culture"/>; in Chinese every name of <paramref name="plan"/>
    /// by its title: kinds, roles, the actions an order or a gate names, attributes and ledger fields (the catalogue's
    /// words for them), lists joined with 、.
    /// </summary>
    /// <param name="requirement">The requirement.</param>
    /// <param name="plan">The plan it belongs to.</param>
    /// <param name="culture">The reader's culture.</param>
    public static string Describe(Requirement requirement, ResolvedPlan plan, CultureInfo culture) =>
        Describe(requirement, plan.Vocabulary, StatementWords.ActionNames(plan), culture);

    private static string Describe(Requirement requirement, Vocabulary? vocabulary, IReadOnlyDictionary<string, string>? actions, CultureInfo culture)
    {
        var (code, arguments) = requirement.Statement;
        var chinese = MessageTemplates.IsChinese(culture);
        var words = arguments.Select(a => chinese && actions is not null && vocabulary is not null ? StatementWords.Chinese(Word(a, vocabulary, culture), vocabulary, actions) : Word(a, vocabulary, culture)).ToArray();
        if (chinese && requirement is Coverage { Form: CoverageForm.Values } coverage && vocabulary?.Activities.GetValueOrDefault(coverage.Subject.Id) is { } kind)
        {
            // The values a plan writes as ids (e-mailbox) are said by the titles its vocabulary gives them (电子信箱).
            words[2] = string.Join("、", coverage.Values.Select(kind.ValueTitle));
        }

        var statement = MessageCatalog.Format(code, words, culture);
        if (requirement.Across is not { } across)
        {
            return statement;
        }

        // Over the units below: which of them, how many, and how soon after the body's own.
        var kinds = across.Kinds.Count == 0
            ? MessageCatalog.Format("word-every-unit-below", [], culture)
            : string.Join(chinese ? "、" : ", ", across.Kinds.Select(k => chinese && vocabulary?.UnitKinds.GetValueOrDefault(k) is { Length: > 0 } title ? title : k));
        if (across.Members is { } members)
        {
            var who = members.Role is { } role ? (chinese && vocabulary is not null && vocabulary.Roles.TryGetValue(role, out var r) && r.Title.Length > 0 ? r.Title : role)
                : MessageCatalog.Format("word-everyone", [], culture);
            return statement + MessageCatalog.Format(across.AfterBody is null ? "req-across-members" : "req-across-members-after", [kinds, across.Share?.Text ?? "100%", who, AfterBody(across, culture)], culture);
        }

        return statement + MessageCatalog.Format(across.AfterBody is null ? "req-across" : "req-across-after", [kinds, across.Share?.Text ?? "100%", AfterBody(across, culture)], culture);
    }

    private static string AfterBody(AcrossUnits across, CultureInfo culture) =>
        across.AfterBody is not { } after ? "" : MessageTemplates.IsChinese(culture) ? after.Text : after.InEnglish();

    /// <summary>The name of a requirement kind in words of <paramref name="culture"/>.</summary>
    /// <param name="kind">The kind.</param>
    /// <param name="culture">The reader's culture.</param>
    public static string KindName(RequirementKind kind, CultureInfo culture) =>
        MessageCatalog.Format("kind-" + FormatWords.Kebab(kind.ToString()), [], culture);

    // A statement's value as the reader's language writes it: a word of the format, a day, hours, or a kind by its title.
    private static string Word(string value, Vocabulary? vocabulary, CultureInfo culture)
    {
        if (value.StartsWith('@'))
        {
            return MessageCatalog.Format("word-" + value[1..], [], culture);
        }

        if (value.StartsWith(Requirement.DayMark, StringComparison.Ordinal))
        {
            var day = DateOnly.ParseExact(value[Requirement.DayMark.Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture);
            return MessageCatalog.Format("word-day", [Number(day.Year), Number(day.Month), Number(day.Day), day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], culture);
        }

        if (value.StartsWith(Requirement.HoursMark, StringComparison.Ordinal))
        {
            return MessageCatalog.Format("word-hours", [value[Requirement.HoursMark.Length..]], culture);
        }

        // A chain of approvers (principal → supervisor): each named as the roles are.
        if (value.Contains(ChainArrow, StringComparison.Ordinal))
        {
            return string.Join(ChainArrow, value.Split(ChainArrow).Select(part => Word(part, vocabulary, culture)));
        }

        return !MessageTemplates.IsChinese(culture) ? EnglishAmounts.Say(value) : vocabulary is not null ? Title(value, vocabulary) : value;
    }

    private const string ChainArrow = " → ";

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Title(string id, Vocabulary vocabulary) =>
        vocabulary.Activities.TryGetValue(id, out var activity) && activity.Title.Length > 0 ? activity.Title
        : vocabulary.Documents.TryGetValue(id, out var document) && document.Title.Length > 0 ? document.Title
        : vocabulary.Ledgers.TryGetValue(id, out var ledger) && ledger.Title.Length > 0 ? ledger.Title
        : vocabulary.Roles.TryGetValue(id, out var role) && role.Title.Length > 0 ? role.Title
        : id;
}
