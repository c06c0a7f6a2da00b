namespace CampaignFlow.Rules.Bench;

/// <summary>What a run does with a rules session, on either engine: insert, retract, fire, read the violations.</summary>
public interface IBenchSession
{
    void Insert(object fact);

    /// <summary>The engine's batch insert.</summary>
    void InsertAll(IReadOnlyList<object> facts);

    void Retract(object fact);

    void Fire();

    IEnumerable<Violation> Violations();
}
