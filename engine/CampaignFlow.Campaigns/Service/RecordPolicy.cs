using CampaignFlow.Compliance.Records;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Campaigns.Service;

/// <summary>
/// Whether a caller may store a record, judged on the record exactly as the service read it (so no second parser of
/// the caller's text can disagree with the first): null to allow it, or why not.
/// </summary>
/// <param name="record">A record of the recording.</param>
/// <param name="at">Where it was written in the caller's text.</param>
public delegate RecordRefusal? RecordPolicy(UnitRecord record, SourceLocation at);
