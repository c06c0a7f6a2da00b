using System.Security.Claims;
using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Server.Security;

/// <summary>
/// Who is calling and what their token lets them do with a unit. Every endpoint asks here, with the unit it
/// touches, so the answer to "may this token touch that unit" lives in one place.
/// </summary>
/// <param name="grant">The caller's token grant.</param>
/// <param name="units">The running units, for body chains and supervision groups.</param>
public sealed class Caller(TokenGrant grant, UnitDirectory units)
{
    /// <summary>The grant.</summary>
    public TokenGrant Grant => grant;

    /// <summary>The name recorded as who recorded a record.</summary>
    public string Name => grant.Name;

    /// <summary>May read the unit's state, records and violations.</summary>
    /// <param name="unit">The unit.</param>
    public bool CanRead(CampaignUnit unit) => grant.Role switch
    {
        AccessRole.Admin => true,
        AccessRole.Auditor => grant.Body is null || units.IsUnder(unit, grant.Body),
        AccessRole.Recorder => unit.Id == grant.Unit,
        AccessRole.Reviewer => Supervises(unit),
        _ => false,
    };

    /// <summary>May record the unit's own records (activities, documents, its internal reviews).</summary>
    /// <param name="unit">The unit.</param>
    public bool CanRecord(CampaignUnit unit) => grant.Role == AccessRole.Admin || (grant.Role == AccessRole.Recorder && unit.Id == grant.Unit);

    /// <summary>May submit the supervision group's reviews for the unit.</summary>
    /// <param name="unit">The unit.</param>
    public bool CanSupervise(CampaignUnit unit) => grant.Role == AccessRole.Admin || (grant.Role == AccessRole.Reviewer && Supervises(unit));

    /// <summary>May write, submit and publish versions of a plan for the unit: its own campaign office (its recorder), or admin.</summary>
    /// <param name="unitId">The plan's unit.</param>
    public bool CanAuthorPlan(string unitId) => grant.Role == AccessRole.Admin || (grant.Role == AccessRole.Recorder && grant.Unit == unitId);

    /// <summary>
    /// May approve or return a plan version of a unit: the body above it — that body's campaign office (its recorder)
    /// or the supervision group it sends to the unit — or admin.
    /// </summary>
    /// <param name="body">The body above the plan's unit.</param>
    /// <param name="unit">The unit when it runs (its group decides), or null.</param>
    /// <param name="supervisor">The supervision group the plan names, for a unit that does not run yet.</param>
    public bool CanApprovePlan(string? body, CampaignUnit? unit, string? supervisor) => grant.Role switch
    {
        AccessRole.Admin => true,
        AccessRole.Recorder => body is not null && grant.Unit == body,
        AccessRole.Reviewer => unit is not null ? Supervises(unit) : grant.Group is null && supervisor is not null && grant.Supervisor == supervisor,
        _ => false,
    };

    // A token naming a group's id reviews exactly that group's units; one naming a group as plans name it, the units
    // whose supervisor has that name (and no group of the files covers them under another name).
    private bool Supervises(CampaignUnit unit) =>
        grant.Group is { } group ? unit.Group == group : unit.Supervisor is not null && unit.Supervisor == grant.Supervisor;

    /// <summary>
    /// May read a plan: the plan of a unit the caller may read, or a template plan (one others inherit) that a unit
    /// the caller may read is built on — what shapes those units' campaigns is theirs to read.
    /// </summary>
    /// <param name="planId">The plan.</param>
    /// <param name="unitId">The unit the plan names (<c>unit.id</c>).</param>
    public bool CanReadPlan(string planId, string unitId) =>
        ReadsAll || units.BuiltOn(planId).Any(CanRead) || (units.Find(unitId) is { } own && CanRead(own));

    /// <summary>The units the caller may read.</summary>
    public IReadOnlyList<CampaignUnit> ReadableUnits() => units.All.Where(CanRead).ToArray();

    /// <summary>True when the caller may read every unit, so queries need no unit filter.</summary>
    public bool ReadsAll => grant.Role == AccessRole.Admin || (grant.Role == AccessRole.Auditor && grant.Body is null);

    /// <summary>
    /// The caller of an authenticated request, for endpoint parameters (minimal APIs call this); null when the
    /// request carries no accepted token, which endpoints behind authorization never see.
    /// </summary>
    /// <param name="context">The request.</param>
    public static ValueTask<Caller?> BindAsync(HttpContext context) =>
        ValueTask.FromResult(context.Items[typeof(TokenGrant)] is TokenGrant grant
            ? new Caller(grant, context.RequestServices.GetRequiredService<UnitDirectory>())
            : null);

    /// <summary>The claims that carry a grant through ASP.NET Core authentication.</summary>
    /// <param name="grant">The grant.</param>
    /// <param name="scheme">The authentication scheme.</param>
    internal static ClaimsPrincipal Principal(TokenGrant grant, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, grant.Name),
            new(ClaimTypes.Role, grant.Role.ToString().ToLowerInvariant()),
        };
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }
}
