namespace CampaignFlow.CampaignHarness;

/// <summary>The requirement a gap unit misses or shorts, and whether it catches up late.</summary>
/// <param name="ActionId">The action of 魏都区委's plan: <c>mass-evaluation</c> (one participant group short),
/// <c>contact-point-opinions</c>, <c>base-visits</c> or <c>revisit</c> (none at all).</param>
/// <param name="Late">True when the missing record is made inside the window but posted after it closed: the
/// violation opens, then the post resolves it. False: it stays open.</param>
internal sealed record UnitGap(string ActionId, bool Late);
