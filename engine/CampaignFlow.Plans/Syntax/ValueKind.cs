namespace CampaignFlow.Plans.Syntax;

/// <summary>The YAML shape a property of the plan model takes.</summary>
public enum ValueKind
{
    /// <summary>A plain string.</summary>
    String,

    /// <summary>A whole number.</summary>
    Integer,

    /// <summary>A decimal number.</summary>
    Number,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>One of a fixed set of words.</summary>
    Enum,

    /// <summary>A string with a grammar of its own: a period, an amount, a share, a re-work condition.</summary>
    Text,

    /// <summary>A sequence; a single item may be written without brackets.</summary>
    List,

    /// <summary>A mapping from ids to values.</summary>
    Map,

    /// <summary>A nested mapping with keys of its own.</summary>
    Node,

    /// <summary>A <c>where</c> condition: attribute values, <c>all</c>/<c>any</c>/<c>not</c>, references.</summary>
    Condition,
}
