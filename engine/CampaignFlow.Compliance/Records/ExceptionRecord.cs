namespace CampaignFlow.Compliance.Records;

/// <summary>A recorded, justified exception to a soft requirement (原则上…): it closes that requirement's warning.</summary>
/// <param name="Key">The idempotency key.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Day">The day it was recorded.</param>
/// <param name="ActionId">The plan action it excuses.</param>
/// <param name="Justification">Why.</param>
public sealed record ExceptionRecord(string Key, string Unit, DateOnly Day, string ActionId, string Justification) : UnitRecord(Key, Unit, Day);
