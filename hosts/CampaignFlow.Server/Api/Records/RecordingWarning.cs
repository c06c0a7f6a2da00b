namespace CampaignFlow.Server.Api.Records;

/// <summary>Something a stored record says that the plan's order did not expect: stored all the same, said at once.</summary>
/// <param name="Key">The record's key.</param>
/// <param name="Code">What it is: <c>held-before-approval</c> (an activity recorded while the gate it waits for waits).</param>
/// <param name="Message">It in the reader's language.</param>
public sealed record RecordingWarning(string Key, string Code, string Message);
