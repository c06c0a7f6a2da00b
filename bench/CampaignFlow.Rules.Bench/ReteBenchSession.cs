using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Bench;

/// <summary>A session of our engine (CampaignFlow.Rules).</summary>
public sealed class ReteBenchSession(ISession session) : IBenchSession
{
    public void Insert(object fact) => session.Insert(fact);

    public void InsertAll(IReadOnlyList<object> facts) => session.InsertAll(facts);

    public void Retract(object fact) => session.Retract(fact);

    public void Fire() => session.Fire();

    public IEnumerable<Violation> Violations() => session.Query<Violation>();
}
