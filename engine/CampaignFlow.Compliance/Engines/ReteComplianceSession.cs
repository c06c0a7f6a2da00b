using CampaignFlow.Compliance.Violations;
using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Compliance.Engines;

/// <summary>A session of our Rete, reporting the violations among the facts it inserts, updates and retracts.</summary>
internal sealed class ReteComplianceSession : IComplianceSession
{
    private readonly ISession _session;

    public ReteComplianceSession(ISession session)
    {
        _session = session;
        _session.Events.FactInserted += (_, e) => Raise(ViolationInserted, e);
        _session.Events.FactUpdated += (_, e) => Raise(ViolationUpdated, e);
        _session.Events.FactRetracted += (_, e) => Raise(ViolationRetracted, e);
    }

    public event EventHandler<ViolationEventArgs>? ViolationInserted;

    public event EventHandler<ViolationEventArgs>? ViolationUpdated;

    public event EventHandler<ViolationEventArgs>? ViolationRetracted;

    public void Insert(object fact) => _session.Insert(fact);

    public void InsertAll(IReadOnlyCollection<object> facts) => _session.InsertAll(facts);

    public int Fire() => _session.Fire();

    private void Raise(EventHandler<ViolationEventArgs>? handler, FactEventArgs e)
    {
        if (e.Fact is Violation violation)
        {
            handler?.Invoke(this, new ViolationEventArgs(violation));
        }
    }
}
