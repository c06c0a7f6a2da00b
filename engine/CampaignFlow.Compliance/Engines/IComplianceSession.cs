namespace CampaignFlow.Compliance.Engines;

/// <summary>
/// What <see cref="Sessions.UnitCompliance"/> needs of a rules session, and no more: facts in (records, dues,
/// phase boundaries), rules fired, and the violations the rules yield as linked facts coming and going. Facts are
/// identified by reference, on every engine, so two equal records of different keys stay two facts.
/// </summary>
/// <threadsafety>Not thread-safe: one session belongs to one unit at a time.</threadsafety>
public interface IComplianceSession
{
    /// <summary>A rule yielded a violation (a period closed unmet).</summary>
    event EventHandler<ViolationEventArgs>? ViolationInserted;

    /// <summary>A yielded violation was judged again (a record of its period came) and still stands; its evidence may differ.</summary>
    event EventHandler<ViolationEventArgs>? ViolationUpdated;

    /// <summary>A yielded violation no longer holds (a late record met the requirement, an exception excused it).</summary>
    event EventHandler<ViolationEventArgs>? ViolationRetracted;

    /// <summary>Inserts a fact and matches it against every rule.</summary>
    /// <param name="fact">The fact, not yet in the session.</param>
    /// <exception cref="InvalidOperationException">The same object is already in the session.</exception>
    void Insert(object fact);

    /// <summary>Inserts several facts; an engine may match them as one batch.</summary>
    /// <param name="facts">The facts, none yet in the session.</param>
    /// <exception cref="InvalidOperationException">One of the objects is already in the session.</exception>
    void InsertAll(IReadOnlyCollection<object> facts);

    /// <summary>Fires every pending rule activation, so the violations are up to date.</summary>
    /// <returns>How many activations fired.</returns>
    int Fire();
}
