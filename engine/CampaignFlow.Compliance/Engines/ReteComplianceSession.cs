using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Compliance.Engines;

/// <summary>A session of our Rete, reporting the violations among the facts it inserts, updates and retracts.</summary>
internal sealed class ReteComplianceSession : ViolationReportingSession
{
    private readonly ISession _session;

    public ReteComplianceSession(ISession session)
    {
        _session = session;
        _session.Events.FactInserted += (_, e) => ReportInserted(e.Fact);
        _session.Events.FactUpdated += (_, e) => ReportUpdated(e.Fact);
        _session.Events.FactRetracted += (_, e) => ReportRetracted(e.Fact);
    }

    public override void Insert(object fact) => _session.Insert(fact);

    public override void InsertAll(IReadOnlyCollection<object> facts) => _session.InsertAll(facts);

    public override int Fire() => _session.Fire();
}
