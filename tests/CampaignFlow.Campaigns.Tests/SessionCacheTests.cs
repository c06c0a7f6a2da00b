using CampaignFlow.Campaigns.Sessions;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Compliance.Rules;
using CampaignFlow.Compliance.Sessions;
using CampaignFlow.Plans.Loading;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>
/// The cache of rule sessions: the least recently used go first, beyond a count or beyond a budget of records in
/// which every session weighs 16 for itself; the session just put or taken always stays.
/// </summary>
public sealed class SessionCacheTests
{
    private static readonly Lazy<ComplianceRules> Rules = new(() =>
    {
        var file = Repository.Path("definitions", "panyu-ftu-2014.yaml");
        return ComplianceRules.For(PlanCatalog.Load([file]).Find(file)!);
    });

    [Fact]
    public void Beyond_the_count_the_least_recently_used_session_goes_first()
    {
        var cache = new SessionCache(capacity: 2, recordBudget: 1_000_000);
        cache.Put("a", Session("a"));
        cache.Put("b", Session("b"));
        cache.Get("a").ShouldNotBeNull();

        cache.Put("c", Session("c"));

        cache.Get("b").ShouldBeNull("b was used least recently");
        cache.Get("a").ShouldNotBeNull();
        cache.Get("c").ShouldNotBeNull();
        cache.Count.ShouldBe(2);
    }

    [Fact]
    public void Beyond_the_budget_sessions_go_by_weight_and_the_last_one_put_stays_even_when_it_alone_is_over()
    {
        var cache = new SessionCache(capacity: 100, recordBudget: 40);
        cache.Put("a", Session("a"));
        cache.Put("b", Session("b"));
        cache.Records.ShouldBe(32, "a session without records weighs 16");

        cache.Put("c", Session("c"));

        cache.Count.ShouldBe(2);
        cache.Get("a").ShouldBeNull();
        cache.Records.ShouldBe(32);

        var tight = new SessionCache(capacity: 100, recordBudget: 1);
        tight.Put("a", Session("a"));
        tight.Put("b", Session("b"));
        tight.Count.ShouldBe(1);
        tight.Get("b").ShouldNotBeNull();
    }

    [Fact]
    public void Removing_and_putting_again_keeps_the_weights_right()
    {
        var cache = new SessionCache(capacity: 10, recordBudget: 1_000);
        cache.Put("a", Session("a"));
        cache.Put("a", Session("a"));
        cache.Put("b", Session("b"));
        cache.Remove("a");
        cache.Remove("missing");
        cache.Reweigh("b");

        cache.Count.ShouldBe(1);
        cache.Records.ShouldBe(16);
    }

    private static UnitSession Session(string unit) =>
        new(new UnitCompliance(Rules.Value, unit), new Dictionary<string, StoredViolation>(StringComparer.Ordinal));
}
