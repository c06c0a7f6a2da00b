namespace CampaignFlow.Server.Api.Violations;

/// <summary>
/// The units a violations query may look in, or why it may not run: the answer of <see cref="ViolationScope"/>.
/// </summary>
/// <param name="Units">The unit ids to look in; null for every unit (the caller reads all); empty when nothing can match.</param>
/// <param name="Unknown">The unit, body or plan the query names that does not exist (answer 404), or null.</param>
/// <param name="Forbidden">The first unit the query would touch that the caller may not read (answer 403), or null.</param>
public sealed record ViolationUnits(IReadOnlyCollection<string>? Units, UnknownFilter? Unknown = null, string? Forbidden = null)
{
    /// <summary>True when the query may run.</summary>
    public bool Allowed => Unknown is null && Forbidden is null;
}
