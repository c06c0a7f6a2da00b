namespace CampaignFlow.Rules.Bench;

/// <summary>A session of NRules 1.0.4, over the same rules written in its rule model (<see cref="NRulesBenchRules"/>).</summary>
public sealed class NRulesBenchSession(NRules.ISession session) : IBenchSession
{
    public void Insert(object fact) => session.Insert(fact);

    public void InsertAll(IReadOnlyList<object> facts) => session.InsertAll(facts);

    public void Retract(object fact) => session.Retract(fact);

    public void Fire() => session.Fire();

    public IEnumerable<Violation> Violations() => session.Query<Violation>();
}
