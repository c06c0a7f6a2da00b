namespace CampaignFlow.Campaigns.Compilation;

/// <summary>The names and correlations of the signals a compiled campaign waits for.</summary>
internal static class CampaignSignals
{
    /// <summary>A record of an action arrived.</summary>
    public const string Held = "held";

    /// <summary>A role of a gate's chain approved the document.</summary>
    public const string Approved = "approved";

    /// <summary>The re-work verdict on an action's latest occurrence.</summary>
    public const string ReworkDecided = "rework-decided";

    /// <summary>The decision outcome that re-opens a re-work loop.</summary>
    public const string Repeat = "repeat";

    /// <summary>The decision outcome that ends a re-work loop.</summary>
    public const string Passed = "passed";

    /// <summary>
    /// Ends the unit's part of an instance's correlation key (and of its bookmarks' correlations): what the partitions
    /// hash, so a unit's instances of every plan version and their signals fall in one partition (docs/adr/0022).
    /// </summary>
    public const char InstanceKeySeparator = '@';

    /// <summary>The instance's correlation key: one instance per unit and plan version.</summary>
    public static string InstanceKey(string unit, int planVersion) => $"{unit}{InstanceKeySeparator}{planVersion}";

    /// <summary>The unit an instance's correlation key names (the key up to its first separator, as the partitions hash it; the whole key when it has none).</summary>
    public static string UnitOf(string instanceKey) =>
        instanceKey.IndexOf(InstanceKeySeparator, StringComparison.Ordinal) is var at and >= 0 ? instanceKey[..at] : instanceKey;

    /// <summary>The correlation template of an action's own bookmarks.</summary>
    public static string OfAction(string actionId) => "{correlation}/" + actionId;

    /// <summary>The correlation template of a gate role's approval.</summary>
    public static string OfApproval(string gateActionId, string role) => "{correlation}/" + gateActionId + "/" + role;
}
