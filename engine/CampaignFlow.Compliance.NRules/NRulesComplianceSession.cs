using CampaignFlow.Compliance.Engines;
using CampaignFlow.Compliance.Violations;
using NRules;
using NRules.Diagnostics;

namespace CampaignFlow.Compliance.NRules;

/// <summary>An NRules session, reporting the violations among the facts it inserts, updates and retracts (linked ones included).</summary>
internal sealed class NRulesComplianceSession : IComplianceSession
{
    private readonly ISession _session;

    public NRulesComplianceSession(ISession session)
    {
        _session = session;
        _session.Events.FactInsertedEvent += (_, e) => Raise(ViolationInserted, e);
        _session.Events.FactUpdatedEvent += (_, e) => Raise(ViolationUpdated, e);
        _session.Events.FactRetractedEvent += (_, e) => Raise(ViolationRetracted, e);
    }

    public event EventHandler<ViolationEventArgs>? ViolationInserted;

    public event EventHandler<ViolationEventArgs>? ViolationUpdated;

    public event EventHandler<ViolationEventArgs>? ViolationRetracted;

    public void Insert(object fact) => _session.Insert(fact);

    public void InsertAll(IReadOnlyCollection<object> facts) => _session.InsertAll(facts);

    public int Fire() => _session.Fire();

    private void Raise(EventHandler<ViolationEventArgs>? handler, WorkingMemoryEventArgs e)
    {
        if (e.Fact.Value is Violation violation)
        {
            handler?.Invoke(this, new ViolationEventArgs(violation));
        }
    }
}
