using CampaignFlow.Campaigns.Sessions;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Campaigns.Units;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Campaigns.Recording;

/// <summary>A recording of a group that was read without error and allowed by its policy: its records encoded, ready to append.</summary>
/// <param name="Recording">The caller's recording.</param>
/// <param name="Unit">Its unit as it runs now (moved, when taking its session followed a migration).</param>
/// <param name="Session">Its unit's session, held by the group.</param>
/// <param name="Diagnostics">What the reading found (warnings only).</param>
/// <param name="Encoded">Its records as the store keeps them, in the text's order.</param>
internal sealed record GroupedRecording(QueuedRecording Recording, RunningUnit Unit, UnitSession Session, IReadOnlyList<PlanDiagnostic> Diagnostics, StoredRecord[] Encoded);
