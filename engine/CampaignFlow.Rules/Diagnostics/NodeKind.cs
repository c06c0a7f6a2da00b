namespace CampaignFlow.Rules.Diagnostics;

/// <summary>The kinds of node in a compiled network, for inspecting its shape.</summary>
public enum NodeKind
{
    /// <summary>Admits facts of one type into the alpha network.</summary>
    Type,

    /// <summary>Tests one condition on a single fact.</summary>
    Selection,

    /// <summary>Remembers the facts that passed an alpha chain.</summary>
    AlphaMemory,

    /// <summary>Produces the session's empty partial match that every rule starts from.</summary>
    Root,

    /// <summary>Joins partial matches with facts, through a hash index when the join has equality keys.</summary>
    Join,

    /// <summary>Passes a partial match while no fact matches.</summary>
    Not,

    /// <summary>Passes a partial match while some fact matches.</summary>
    Exists,

    /// <summary>Aggregates the facts matching each partial match.</summary>
    Aggregate,

    /// <summary>Tests a condition over a partial match.</summary>
    Filter,

    /// <summary>Turns complete matches into activations of one rule.</summary>
    Terminal,
}
