namespace CampaignFlow.Rules.Explaining;

/// <summary>How a node of a rule's chain fared for the fact being explained (or, for a rule alone, for any partial match).</summary>
public enum NodeOutcome
{
    /// <summary>The node's condition held: the fact passed, or at least one partial match went on.</summary>
    Held,

    /// <summary>The node's condition did not hold; <see cref="NodeExplanation.FailedCondition"/> says which term, <see cref="NodeExplanation.Partner"/> with what.</summary>
    Failed,

    /// <summary>A join, exists or aggregate node found nothing to pair the partial match with.</summary>
    NoPartner,

    /// <summary>A not node found a fact that matches its pattern (<see cref="NodeExplanation.Partner"/>), so the partial match stops.</summary>
    Blocked,

    /// <summary>The fact is not in working memory: the type node never saw it. The nodes after it say what would happen if it were.</summary>
    Absent,

    /// <summary>An earlier node already stopped the fact (or every partial match), so nothing reached this one.</summary>
    NotReached,
}
