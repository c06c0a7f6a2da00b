using CampaignFlow.Server.Hosting;

namespace CampaignFlow.Server.Api.Partitions;

/// <summary>
/// The <c>CampaignFlow-Owner</c> header on a unit's answers: the host that works the unit's partition (docs/adr/0022),
/// as this host last saw the leases; absent while the partition is between owners or the campaigns start. Any host
/// accepts a unit's records; the owner spares the others rebuilding its session.
/// </summary>
public static class OwnerHeader
{
    /// <summary>The header's name.</summary>
    public const string Name = "CampaignFlow-Owner";

    /// <summary>Adds the header to every answer of <paramref name="group"/>, whose route names the unit (<c>{unit}</c>).</summary>
    /// <param name="group">The unit's endpoints.</param>
    public static RouteGroupBuilder WithOwnerHeader(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var running = http.RequestServices.GetRequiredService<RunningCampaigns>();
            if (running.IsStarted && http.GetRouteValue("unit") is string unit && running.Service.Partitions.OwnerOf(unit) is { } owner)
            {
                http.Response.Headers[Name] = owner;
            }

            return await next(context).ConfigureAwait(false);
        });
        return group;
    }
}
