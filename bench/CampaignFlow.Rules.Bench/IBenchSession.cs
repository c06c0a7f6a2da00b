namespace CampaignFlow.Rules.Bench;

/// <summary>What a run does with a rules session, on either engine: insert, retract, fire, read the violations.</summary>
public interface IBenchSession
{
    void Insert(object fact);

    void Retract(object fact);

    void Fire();

    IEnumerable<Violation> Violations();
}
