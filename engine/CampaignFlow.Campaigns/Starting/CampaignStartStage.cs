namespace CampaignFlow.Campaigns.Starting;

/// <summary>Where a <see cref="Service.CampaignService"/> is in its start, in the order the stages run.</summary>
public enum CampaignStartStage
{
    /// <summary>Reading the definitions folder, resolving plans and publishing new versions to the store.</summary>
    LoadingPlans,

    /// <summary>Starting (or resuming) one workflow instance per unit, in chunks of units per transaction.</summary>
    StartingUnits,

    /// <summary>Making sure every unit has its watermark, so a crash before start is caught up by the first tick.</summary>
    CheckingWatermarks,

    /// <summary>Started: every unit runs.</summary>
    Started,
}
