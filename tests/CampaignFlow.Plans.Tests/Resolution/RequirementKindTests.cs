using CampaignFlow.Plans.Requirements;

namespace CampaignFlow.Plans.Tests.Resolution;

/// <summary>Every requirement kind, written as the seeds write it, resolves to dates, hours and people.</summary>
public class RequirementKindTests
{
    private static T Single<T>(string actions, string extraTop = "")
        where T : Requirement
    {
        var (plan, catalog) = PlanBuilder.WithActions(actions, extraTop);
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        return plan.ShouldNotBeNull().Requirements.OfType<T>().ShouldHaveSingleItem();
    }

    [Fact]
    public void Per_period_minimum_PY_05_weekly_study_of_half_a_day()
    {
        var r = Single<PeriodMinimum>("- { id: weekly-study, activity: concentrated-study, every: week, atLeast: 半天, source: [PY-05] }");
        r.Every.ShouldBe(Recurrence.Week);
        r.MinimumValue.ShouldBe(4m);
        r.Window.ToString().ShouldBe("2014-02-11..2014-04-30");
        r.Source.ShouldBe(["PY-05"]);
        r.Scope.ShouldBe(Scope.Unit);
    }

    [Fact]
    public void Per_period_minimum_by_rank_MY_12_volunteer_hours()
    {
        var r = Single<PeriodMinimum>("- { id: volunteer, activity: volunteer-service, per: person, who: party-member, every: month, atLeast: 8小时, byRank: { 县级: 4小时 } }");
        r.PersonMinimums["su"].ShouldBe(4m);
        r.PersonMinimums["chen"].ShouldBe(4m);
        r.PersonMinimums["liu"].ShouldBe(8m);
        r.PersonMinimums["li"].ShouldBe(8m);
        r.Targets.Count.ShouldBe(6);
    }

    [Fact]
    public void Count_in_window_MY_09_four_concentrated_studies()
    {
        var r = Single<CountInWindow>("- { id: four-studies, activity: concentrated-study, atLeast: 四次 }");
        r.AtLeast.ShouldBe(4);
        r.AtMost.ShouldBeNull();
    }

    [Fact]
    public void Count_per_person_each_with_a_minimum_MY_17_research_of_two_days()
    {
        var (plan, catalog) = PlanBuilder.WithActions("- { id: research, activity: research-trip, per: person, who: leadership, atLeast: 1次, eachAtLeast: 2天 }");
        catalog.Diagnostics.ShouldBeEmpty();
        var count = plan!.Requirements.OfType<CountInWindow>().ShouldHaveSingleItem();
        count.Targets.ShouldBe(["su", "chen", "liu", "wang"]);
        plan.Requirements.OfType<MinimumDuration>().ShouldHaveSingleItem().MinimumHours.ShouldBe(16m);
    }

    [Fact]
    public void Single_activity_with_minimum_duration_PY_15_and_PY_21()
    {
        var (plan, _) = PlanBuilder.WithActions("- { id: meeting, activity: democratic-life-meeting, exactly: 1次, eachAtLeast: 1天 }");
        var count = plan!.Requirements.OfType<CountInWindow>().ShouldHaveSingleItem();
        (count.AtLeast, count.AtMost).ShouldBe((1, 1));
        plan.Requirements.OfType<MinimumDuration>().ShouldHaveSingleItem().MinimumHours.ShouldBe(8m);
    }

    [Fact]
    public void Deadline_MY_06_mobilization_by_february_28th_with_the_supervision_group_attending()
    {
        var (plan, catalog) = PlanBuilder.WithActions("- { id: mobilization, activity: mobilization-meeting, by: 2月28日前, attendance: { supervisor: 1人 } }");
        catalog.Diagnostics.ShouldBeEmpty();
        plan!.Requirements.OfType<Deadline>().ShouldHaveSingleItem().By.ShouldBe(new DateOnly(2014, 2, 28));
        plan.Requirements.OfType<Attendance>().ShouldHaveSingleItem().ByRole.ShouldBe(new Dictionary<string, int> { ["supervisor"] = 1 });
    }

    [Fact]
    public void Order_PY_07_evaluation_after_the_mobilization_meeting()
    {
        var (plan, catalog) = PlanBuilder.WithActions("""
            - { id: mobilization, activity: mobilization-meeting }
            - { id: evaluation, activity: democratic-evaluation, after: [mobilization], within: 一周 }
            """);
        catalog.Diagnostics.ShouldBeEmpty();
        var order = plan!.Requirements.OfType<Order>().ShouldHaveSingleItem();
        order.ActionId.ShouldBe("evaluation");
        order.After.ShouldBe(["mobilization"]);
        order.Within!.Text.ShouldBe("一周");
    }

    [Fact]
    public void Approval_gate_PY_14_meeting_plan_reviewed_by_the_supervision_group_before_the_meeting()
    {
        var (plan, catalog) = PlanBuilder.WithActions("""
            - { id: meeting-plan, document: meeting-plan, before: [meeting] }
            - { id: meeting, activity: democratic-life-meeting }
            """);
        catalog.Diagnostics.ShouldBeEmpty();
        var gate = plan!.Requirements.OfType<ApprovalGate>().ShouldHaveSingleItem();
        gate.Chain.ShouldBe(["supervisor"]);
        gate.Gates.ShouldBe(["meeting"]);
        plan.Requirements.OfType<Order>().ShouldBeEmpty(); // the gate is the order
    }

    [Fact]
    public void Approval_gate_per_person_MY_22_with_a_longer_chain_for_county_rank_authors()
    {
        var gate = Single<ApprovalGate>("- { id: self-exam, document: self-examination, per: person, who: leadership }");
        gate.Chain.ShouldBe(["principal", "supervisor"]);
        gate.ChainByRank["县级"].ShouldBe(["principal", "supervisor", "city-leading-group"]);
        gate.Targets.ShouldBe(["su", "chen", "liu", "wang"]);
    }

    [Fact]
    public void Coverage_star_PY_16_the_secretary_with_each_member()
    {
        var r = Single<Coverage>("- { id: secretary-talks, activity: talk, covers: { each: principal, with: leadership } }");
        r.Form.ShouldBe(CoverageForm.Star);
        r.Pairs.Select(p => p.ToString()).ShouldBe(["su–chen", "su–liu", "su–wang"]);
    }

    [Fact]
    public void Coverage_all_pairs_PY_17_members_talk_to_each_other_with_criticism()
    {
        var r = Single<Coverage>("- { id: mutual-talks, activity: talk, covers: { pairs: leadership }, where: { includesCriticism: true } }");
        r.Form.ShouldBe(CoverageForm.AllPairs);
        r.Pairs.Count.ShouldBe(6);
        r.Where["includesCriticism"].ShouldBe("true");
    }

    [Fact]
    public void Coverage_by_relation_PY_18_members_with_heads_of_the_departments_they_oversee()
    {
        var r = Single<Coverage>("- { id: overseen, activity: talk, covers: { each: leadership, with: { relation: overseen-department-heads } } }");
        r.Form.ShouldBe(CoverageForm.Relation);
        r.Pairs.Select(p => p.ToString()).ShouldBe(["su–guo"]); // chen oversees rights, which has no head in this roster
    }

    [Fact]
    public void Coverage_by_relation_PY_19_department_heads_with_their_members()
    {
        var r = Single<Coverage>("- { id: department, activity: talk, covers: { each: department-head, with: { relation: own-department-members } } }");
        r.Pairs.Select(p => p.ToString()).ShouldBe(["guo–li"]);
    }

    [Fact]
    public void Coverage_of_values_MY_13_discussions_on_five_themes()
    {
        var (plan, _) = PlanBuilder.WithActions("- { id: discussions, activity: discussion, atLeast: 3次, covers: { attribute: theme, values: [路怎么走, 作风怎么改, 五好干部, 中国梦, 工会怎么办] } }");
        plan!.Requirements.OfType<CountInWindow>().ShouldHaveSingleItem().AtLeast.ShouldBe(3);
        var coverage = plan.Requirements.OfType<Coverage>().ShouldHaveSingleItem();
        coverage.Form.ShouldBe(CoverageForm.Values);
        coverage.Values.Count.ShouldBe(5);
    }

    [Fact]
    public void Participation_PY_25_every_party_member_attends()
    {
        var r = Single<Participation>("- { id: org-life, activity: organizational-life-meeting, attendedBy: party-member }");
        r.Participants.Count.ShouldBe(6);
    }

    [Fact]
    public void Participation_per_branch_MY_26_each_leader_attends_the_meeting_of_their_own_branch()
    {
        var yaml = PlanBuilder.Header.Replace("branches: { organ: 区总机关支部 }", "branches: { organ: 区总机关支部, rights: 权保部支部 }")
            .Replace("rank: 县级, branch: organ, oversees: [rights]", "rank: 县级, branch: rights, oversees: [rights]")
            .Replace("{ID}", "branches") + """

            phases:
              - id: criticism
                title: 查摆问题、开展批评
                window: 5月上旬-7月下旬
                actions:
                  - { id: org-life, activity: organizational-life-meeting, per: branch, attendedBy: leadership }
            """;
        var (plan, catalog) = PlanBuilder.Resolve(("branches.yaml", yaml));
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        var participation = plan!.Requirements.OfType<Participation>().ShouldHaveSingleItem();
        participation.ByTarget["organ"].ShouldBe(["su", "liu", "wang"]);
        participation.ByTarget["rights"].ShouldBe(["chen"]);
    }

    [Fact]
    public void Attendance_MY_25_upper_level_officials_at_the_meeting()
    {
        var r = Single<Attendance>("- { id: meeting, activity: democratic-life-meeting, attendance: { upper-discipline: 1人, supervisor: 2人 } }");
        r.ByRole["upper-discipline"].ShouldBe(1);
        r.ByRole["supervisor"].ShouldBe(2);
    }

    [Fact]
    public void Rework_PY_23_unsatisfied_at_one_third_means_the_meeting_is_held_again()
    {
        var r = Single<Rework>("- { id: meeting, activity: democratic-life-meeting, redoWhen: unsatisfied >= 三分之一 }");
        r.Condition.Attribute.ShouldBe("unsatisfied");
        r.Condition.Threshold!.IsReachedBy(3, 9).ShouldBeTrue();
        r.Condition.Threshold.IsReachedBy(2, 9).ShouldBeFalse();
    }

    [Fact]
    public void Cap_AH_09_at_most_twenty_five_documents_a_year()
    {
        var r = Single<Cap>("- { id: documents, activity: document-issued, every: year, atMost: 25个 }");
        r.Every.ShouldBe(Recurrence.Year);
        r.MaximumValue.ShouldBe(25m);
    }

    [Fact]
    public void Publication_PY_31_personal_plans_published_to_the_branch()
    {
        var r = Single<Publication>("- { id: publish-personal, publish: rectification-plan, to: branch, per: person, who: leadership }");
        r.Audience.ShouldBe(Audience.Branch);
        r.Targets.Count.ShouldBe(4);
    }

    [Fact]
    public void Total_span_WD_02_three_months_as_a_soft_requirement()
    {
        var r = Single<TotalSpan>("- { id: span, spanAtLeast: 3个月, severity: soft }");
        r.Minimum.Unit.ShouldBe(CampaignFlow.Plans.Text.QuantityUnit.Months);
        r.Severity.ShouldBe(Severity.Soft);
    }

    [Fact]
    public void Quantity_target_MY_30_twelve_hundred_trainees()
    {
        var r = Single<QuantityTarget>("- { id: training, activity: training, sum: trainees, atLeast: 1200名 }");
        r.Attribute.ShouldBe("trainees");
        r.Target.Value.ShouldBe(1200m);
    }

    [Fact]
    public void Occurrence_minimum_AH_03_each_research_stay_visits_ten_households()
    {
        var r = Single<OccurrenceMinimum>("- { id: households, activity: training, sum: trainees, eachAtLeast: 10名 }");
        r.Attribute.ShouldBe("trainees");
        r.Minimum.Value.ShouldBe(10m);
        r.Minimum.Label.ShouldBe("名");
    }

    [Fact]
    public void Per_person_average_AH_05_thirty_five_talks_each_on_average_is_the_units_over_its_leaders()
    {
        var r = Single<PerPersonAverage>("- { id: talks, activity: talk, who: leadership, averageAtLeast: 35人次 }");
        r.Scope.ShouldBe(Scope.Unit);
        r.People.Count.ShouldBe(4);
        r.Minimum.Value.ShouldBe(35m);
    }

    [Fact]
    public void Quantity_target_AH_01_a_week_of_study_is_a_working_week_of_five_days()
    {
        var r = Single<QuantityTarget>("- { id: study, activity: concentrated-study, atLeast: 一周 }");
        r.Attribute.ShouldBe("duration");
        r.Target.Unit.ShouldBe(CampaignFlow.Plans.Text.QuantityUnit.WorkDays);
        r.Target.ToHours(8m).ShouldBe(40m);
        r.Target.Text.ShouldBe("一周");
    }

    [Fact]
    public void Obligation_per_occurrence_every_leader_present_writes_a_reflection_within_a_week()
    {
        var r = Single<OccurrenceObligation>("- { id: reflections, forEach: concentrated-study, perParticipant: leadership, document: reflection, within: 一周 }");
        r.ForEach.ShouldBe("concentrated-study");
        r.Subject.ShouldBe(new Subject(SubjectKind.Document, "reflection"));
        r.Participants.Count.ShouldBe(4);
    }

    [Fact]
    public void Start_time_each_mobilisation_meeting_starts_at_three_in_the_afternoon()
    {
        var r = Single<StartTime>("- { id: mobilization, activity: mobilization-meeting, at: 下午3点 }");
        (r.At.Value, r.At.Clock, r.Subject).ShouldBe((new TimeOnly(15, 0), "15:00", new Subject(SubjectKind.Activity, "mobilization-meeting")));
    }

    [Fact]
    public void Ledger_MY_29_items_carry_item_measure_owner_deadline_and_result()
    {
        var r = Single<CampaignFlow.Plans.Requirements.Ledger>("- { id: ledger, ledger: rectification }");
        r.Fields.ShouldBe(["item", "measure", "owner", "deadline", "status"]);
    }

    [Fact]
    public void Per_branch_counts_name_the_branches_MY_26()
    {
        var r = Single<CountInWindow>("- { id: branch-meetings, activity: organizational-life-meeting, per: branch }");
        r.Targets.ShouldBe(["organ"]);
    }

    [Fact]
    public void One_plan_expresses_every_kind_and_each_reads_in_both_languages()
    {
        var (plan, catalog) = PlanBuilder.WithActions("""
            - { id: weekly-study, activity: concentrated-study, every: week, atLeast: 半天 }
            - { id: four-studies, activity: concentrated-study, atLeast: 四次 }
            - { id: mobilization, activity: mobilization-meeting, by: 2月28日前, at: 下午3点, attendance: { supervisor: 1人 } }
            - { id: evaluation, activity: democratic-evaluation, after: [mobilization] }
            - { id: meeting-plan, document: meeting-plan, before: [meeting] }
            - { id: talks, activity: talk, covers: { pairs: leadership } }
            - { id: meeting, activity: democratic-life-meeting, exactly: 1次, eachAtLeast: 1天, redoWhen: unsatisfied >= 1/3 }
            - { id: org-life, activity: organizational-life-meeting, attendedBy: party-member }
            - { id: documents, activity: document-issued, every: year, atMost: 25个 }
            - { id: publish, publish: rectification-plan, to: unit }
            - { id: span, spanAtLeast: 3个月, severity: soft }
            - { id: training, activity: training, sum: trainees, atLeast: 1200名 }
            - { id: training-sessions, activity: training, sum: trainees, eachAtLeast: 30名 }
            - { id: talks-average, activity: talk, who: leadership, averageAtLeast: 10人次 }
            - { id: reflections, forEach: concentrated-study, perParticipant: leadership, document: reflection, within: 一周 }
            - { id: ledger, ledger: rectification, tally: { counts: { done: 3项 } } }
            - { id: trips, activity: research-trip }
            - { id: trip-reports, document: reflection, eachAfter: [trips] }
            """, morePhases: "- { id: criticism, title: 查摆问题、开展批评, after: [study], actions: [{ id: criticism-talks, activity: talk }] }");
        catalog.Diagnostics.ShouldBeEmpty(string.Join("\n", catalog.Diagnostics));
        plan!.Requirements.Select(r => r.Kind).Distinct().Order().ShouldBe(Enum.GetValues<RequirementKind>());
        foreach (var requirement in plan.Requirements)
        {
            var (code, _) = requirement.Statement;
            CampaignFlow.Plans.Diagnostics.MessageCatalog.Contains(code).ShouldBeTrue(code);
            foreach (var culture in new[] { System.Globalization.CultureInfo.InvariantCulture, new System.Globalization.CultureInfo("zh-CN") })
            {
                var statement = CampaignFlow.Plans.Resolution.PlanResolver.Describe(requirement, culture);
                statement.ShouldNotContain("{");
                statement.ShouldNotContain("word-");
            }
        }
    }
}
