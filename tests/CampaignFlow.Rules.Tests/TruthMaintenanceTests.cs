using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

public class TruthMaintenanceTests
{
    public sealed record Deadline(string Task, int Day);

    public sealed class Report(string task, int day)
    {
        public string Task { get; } = task;
        public int Day { get; set; } = day;
    }

    public sealed record Overdue(string Task, int ReportsSoFar);

    public sealed record Escalation(string Task);

    /// <summary>A deadline with no report on or before it is overdue; the overdue fact says how many late reports there are.</summary>
    public sealed class OverdueRule : Rule
    {
        protected override void Define()
        {
            Deadline deadline = null!;
            var reports = 0;
            When()
                .Match(() => deadline)
                .Not<Report>(r => r.Task == deadline.Task && r.Day <= deadline.Day)
                .Count(() => reports, (Report r) => r.Task == deadline.Task);
            Then().Yield(_ => new Overdue(deadline.Task, reports));
        }
    }

    public sealed class EscalationRule : Rule
    {
        protected override void Define()
        {
            Overdue overdue = null!;
            When().Match(() => overdue);
            Then().Yield(_ => new Escalation(overdue.Task));
        }
    }

    private static ISession NewSession() =>
        RuleCompiler.Compile(new OverdueRule().GetDefinition(), new EscalationRule().GetDefinition()).CreateSession();

    [Fact]
    public void A_linked_fact_is_retracted_when_a_late_record_satisfies_the_rule()
    {
        var session = NewSession();
        session.Insert(new Deadline("audit", 5));
        session.Fire();
        session.Query<Overdue>().ShouldHaveSingleItem();
        session.Query<Escalation>().ShouldHaveSingleItem();

        session.Insert(new Report("audit", 4));

        session.Query<Overdue>().ShouldBeEmpty();
        session.Query<Escalation>().ShouldBeEmpty("facts linked to a retracted linked fact go too");
    }

    [Fact]
    public void A_linked_fact_is_updated_when_its_match_changes()
    {
        var session = NewSession();
        session.Insert(new Deadline("audit", 5));
        session.Fire();
        var first = session.Query<Overdue>().Single();
        first.ReportsSoFar.ShouldBe(0);

        var late = new Report("audit", 9);
        session.Insert(late);
        session.Fire();

        session.Query<Overdue>().ShouldHaveSingleItem().ReportsSoFar.ShouldBe(1);
        session.Query<Escalation>().ShouldHaveSingleItem();

        late.Day = 3;
        session.Update(late);
        session.Query<Overdue>().ShouldBeEmpty();
    }

    [Fact]
    public void The_source_of_a_linked_fact_is_the_evidence_of_the_match()
    {
        var session = NewSession();
        var deadline = new Deadline("audit", 5);
        session.Insert(deadline);
        session.Fire();

        var evidence = session.SourceOf(session.Query<Overdue>().Single()).ShouldNotBeNull();

        evidence.Rule.Id.ShouldBe(typeof(OverdueRule).FullName);
        evidence["deadline"].ShouldBe(deadline);
        evidence["reports"].ShouldBe(0);
        session.SourceOf(deadline).ShouldBeNull();
    }

    [Fact]
    public void A_linked_fact_retracted_by_hand_is_not_retracted_twice()
    {
        var session = NewSession();
        session.Insert(new Deadline("audit", 5));
        session.Fire();
        var overdue = session.Query<Overdue>().Single();

        session.Retract(overdue);
        session.Insert(new Report("audit", 1));

        session.Query<Overdue>().ShouldBeEmpty();
        session.TryRetract(overdue).ShouldBeFalse();
    }
}
