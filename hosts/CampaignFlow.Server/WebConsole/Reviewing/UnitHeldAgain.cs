using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Server.WebConsole.Reviewing;

/// <summary>An action a unit the reviewer supervises was found to have failed and must hold again, not yet overdue.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Action">The action, status <c>rework</c>, with its last day.</param>
public sealed record UnitHeldAgain(CampaignUnit Unit, ActionState Action);
