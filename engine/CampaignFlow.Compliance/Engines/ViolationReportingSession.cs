using CampaignFlow.Compliance.Violations;

namespace CampaignFlow.Compliance.Engines;

/// <summary>
/// The part every engine's session shares: of the facts the engine reports inserted, updated or retracted, only the
/// violations are raised, as <see cref="IComplianceSession"/>'s events. An adapter forwards its engine's fact events
/// to <see cref="ReportInserted"/>, <see cref="ReportUpdated"/> and <see cref="ReportRetracted"/>.
/// </summary>
public abstract class ViolationReportingSession : IComplianceSession
{
    /// <inheritdoc/>
    public event EventHandler<ViolationEventArgs>? ViolationInserted;

    /// <inheritdoc/>
    public event EventHandler<ViolationEventArgs>? ViolationUpdated;

    /// <inheritdoc/>
    public event EventHandler<ViolationEventArgs>? ViolationRetracted;

    /// <inheritdoc/>
    public abstract void Insert(object fact);

    /// <inheritdoc/>
    public abstract void InsertAll(IReadOnlyCollection<object> facts);

    /// <inheritdoc/>
    public abstract int Fire();

    /// <summary>The engine inserted a fact; raised as <see cref="ViolationInserted"/> when it is a violation.</summary>
    /// <param name="fact">The fact the engine inserted (a record, a due, a linked violation).</param>
    protected void ReportInserted(object? fact) => Raise(ViolationInserted, fact);

    /// <summary>The engine updated a fact; raised as <see cref="ViolationUpdated"/> when it is a violation.</summary>
    /// <param name="fact">The fact the engine updated.</param>
    protected void ReportUpdated(object? fact) => Raise(ViolationUpdated, fact);

    /// <summary>The engine retracted a fact; raised as <see cref="ViolationRetracted"/> when it is a violation.</summary>
    /// <param name="fact">The fact the engine retracted.</param>
    protected void ReportRetracted(object? fact) => Raise(ViolationRetracted, fact);

    private void Raise(EventHandler<ViolationEventArgs>? handler, object? fact)
    {
        if (fact is Violation violation)
        {
            handler?.Invoke(this, new ViolationEventArgs(violation));
        }
    }
}
