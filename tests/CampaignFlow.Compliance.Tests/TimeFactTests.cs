using CampaignFlow.Compliance.Sessions;

namespace CampaignFlow.Compliance.Tests;

/// <summary>The time facts a unit's clock produces: phases opening and closing, periods closing (PY-02…PY-04).</summary>
public class TimeFactTests
{
    private static DateTimeOffset Morning(int month, int day) => new(2014, month, day, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Panyu_phases_open_and_close_on_their_days()
    {
        var unit = new UnitCompliance(Seeds.Rules("panyu-ftu-2014"), "panyu-ftu");
        unit.AdvanceTo(Morning(2, 10));
        unit.OpenPhases.ShouldBeEmpty();
        unit.AdvanceTo(Morning(2, 11));
        unit.OpenPhases.ShouldBe(["study"]);
        unit.AdvanceTo(Morning(4, 30));
        unit.OpenPhases.ShouldBe(["study"]);
        unit.AdvanceTo(Morning(5, 1));
        unit.OpenPhases.ShouldBe(["criticism"]);
        unit.AdvanceTo(Morning(10, 1));
        unit.OpenPhases.ShouldBeEmpty();
    }

    [Fact]
    public void Mianyang_links_run_inside_their_phase()
    {
        var unit = new UnitCompliance(Seeds.Rules("mianyang-ftu-2014"), "mianyang-ftu");
        unit.AdvanceTo(Morning(3, 1));
        var open = unit.OpenPhases.ToArray();
        open.Length.ShouldBeGreaterThan(1); // 具体实施 and its links (学习教育、听取意见 …) together
        var plan = Seeds.Plan("mianyang-ftu-2014");
        var implementation = plan.Phases.Single(p => p.Links.Count > 0);
        open.ShouldContain(implementation.Id);
        open.ShouldContain(implementation.Links[0].Id);
    }
}
