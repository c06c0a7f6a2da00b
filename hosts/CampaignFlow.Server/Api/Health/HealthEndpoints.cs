using CampaignFlow.Server.Hosting;

namespace CampaignFlow.Server.Api.Health;

/// <summary>
/// <c>GET /health</c>, anonymous: 200 when the store answers and at least one plan runs, 503 otherwise, with
/// what was checked; while the campaigns start, 503 with how far the start got. <c>HEAD /health</c> answers the same
/// status without the body, for monitors and load balancers that probe with HEAD.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Maps the endpoint.</summary>
    /// <param name="app">Where to map it.</param>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapMethods("/health", [HttpMethods.Get, HttpMethods.Head], CheckAsync)
            .WithTags("Health")
            .WithName("Health")
            .WithSummary("Is the store reachable and are plans loaded")
            .AllowAnonymous()
            .Produces<HealthView>(StatusCodes.Status200OK)
            .Produces<HealthView>(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> CheckAsync(RunningCampaigns running, Microsoft.Extensions.Options.IOptions<ServerOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!running.IsStarted)
        {
            // Starting (or failed to start): the store was opened, the units are not all running yet.
            var progress = running.Progress;
            var start = new HealthStart(StartingGate.StageId(progress.Stage), progress.Done, progress.Total);
            var status = running.StartFailure is not null ? "failed" : running.IsStopping ? "stopping" : "starting";
            // The store was opened before the start began; this answer does not probe it again.
            return Results.Json(
                new HealthView(status, options.Value.StoreKind.ToString().ToLowerInvariant(), true, 0, 0, clock.GetUtcNow(), running.StartFailure, start),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        string? storeProblem = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            // One keyed read proves the store answers; listing every plan version with its text made /health grow with
            // the number of plans.
            var probe = running.Service.Units.Count > 0 ? running.Service.Units[0] : null;
            await running.Stores.Plans.GetAsync(probe?.PlanId ?? "", probe?.PlanVersion ?? 0, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            storeProblem = e.Message;
        }

        var service = running.Service;
        var healthy = storeProblem is null && service.Units.Count > 0;
        var view = new HealthView(
            healthy ? "ok" : "unhealthy", options.Value.StoreKind.ToString().ToLowerInvariant(), storeProblem is null,
            service.Units.Count, service.LoadProblems.Count, clock.GetUtcNow(), storeProblem, Partitions: HealthPartitions.Of(service.Partitions));
        return Results.Json(view, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
