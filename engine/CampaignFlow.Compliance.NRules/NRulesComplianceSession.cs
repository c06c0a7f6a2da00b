using CampaignFlow.Compliance.Engines;
using NRules;

namespace CampaignFlow.Compliance.NRules;

/// <summary>An NRules session, reporting the violations among the facts it inserts, updates and retracts (linked ones included).</summary>
internal sealed class NRulesComplianceSession : ViolationReportingSession
{
    private readonly ISession _session;

    public NRulesComplianceSession(ISession session)
    {
        _session = session;
        _session.Events.FactInsertedEvent += (_, e) => ReportInserted(e.Fact.Value);
        _session.Events.FactUpdatedEvent += (_, e) => ReportUpdated(e.Fact.Value);
        _session.Events.FactRetractedEvent += (_, e) => ReportRetracted(e.Fact.Value);
    }

    public override void Insert(object fact) => _session.Insert(fact);

    public override void InsertAll(IReadOnlyCollection<object> facts) => _session.InsertAll(facts);

    public override int Fire() => _session.Fire();
}
