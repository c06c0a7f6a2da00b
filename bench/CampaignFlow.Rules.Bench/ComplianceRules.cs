using CampaignFlow.Rules.Fluent;

namespace CampaignFlow.Rules.Bench;

/// <summary>(a) A closed week whose study sessions sum to less than 4 hours (weeks with no session are rule b's).</summary>
[Id("weekly-hours")]
public sealed class WeeklyHoursRule : Rule
{
    protected override void Define()
    {
        IGrouping<(int Unit, int Week), StudySession> week = null!;
        WeekClosed closed = null!;
        When()
            .GroupBy(() => week, (StudySession s) => ValueTuple.Create(s.Unit, s.Week))
            .Match(() => closed, c => c.Unit == week.Key.Item1, c => c.Week == week.Key.Item2)
            .Where(() => week.Sum(s => s.Hours) < 4);
        Then().Yield(_ => new Violation("hours", closed.Unit, closed.Week, 0));
    }
}

/// <summary>(b) A closed week with no study session at all.</summary>
[Id("no-study")]
public sealed class NoStudyRule : Rule
{
    protected override void Define()
    {
        WeekClosed closed = null!;
        When()
            .Match(() => closed)
            .Not<StudySession>(s => s.Unit == closed.Unit && s.Week == closed.Week);
        Then().Yield(_ => new Violation("no-study", closed.Unit, closed.Week, 0));
    }
}

/// <summary>(c) Two leaders of the same unit with no talk between them.</summary>
[Id("no-talk")]
public sealed class NoTalkRule : Rule
{
    protected override void Define()
    {
        Leader a = null!;
        Leader b = null!;
        When()
            .Match(() => a)
            .Match(() => b, l => l.Unit == a.Unit && l.Id > a.Id)
            .Not<Talk>(t => t.Unit == a.Unit && t.A == a.Id && t.B == b.Id);
        Then().Yield(_ => new Violation("no-talk", a.Unit, a.Id, b.Id));
    }
}
