using System.Globalization;
using CampaignFlow.Campaigns.Starting;
using CampaignFlow.Server.Api.Problems;

namespace CampaignFlow.Server.Hosting;

/// <summary>
/// While the campaigns start, the server already listens: <c>/health</c>, <c>/metrics</c> and the OpenAPI document
/// answer, and every other request gets 503 with <c>Retry-After</c> and how far the start got, instead of a refused
/// connection (or, worse, a request served by a half-started service).
/// </summary>
public static class StartingGate
{
    /// <summary>Seconds a client is asked to wait before it tries again.</summary>
    public const int RetryAfterSeconds = 5;

    /// <summary>Adds the gate; before authentication, so tokens are checked only once the units they name run.</summary>
    /// <param name="app">The application.</param>
    public static void Use(WebApplication app) => app.Use(async (context, next) =>
    {
        var running = context.RequestServices.GetRequiredService<RunningCampaigns>();
        if (running.IsStarted || AlwaysOpen(context.Request.Path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var problems = context.RequestServices.GetRequiredService<ApiProblems>();
        var progress = running.Progress;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        var answer = running.StartFailure is not null
            ? problems.Write(context, StatusCodes.Status503ServiceUnavailable, "service-start-failed")
            : running.IsStopping
                ? problems.Write(context, StatusCodes.Status503ServiceUnavailable, "service-stopping")
                : problems.Write(context, StatusCodes.Status503ServiceUnavailable, "service-starting", culture =>
                    [StageWords(progress.Stage, culture), Count(progress.Done), Count(progress.Total)], null);
        await answer.ExecuteAsync(context).ConfigureAwait(false);
    });

    /// <summary>A stage as the API names it (<c>starting-units</c>).</summary>
    /// <param name="stage">The stage.</param>
    public static string StageId(CampaignStartStage stage) => stage switch
    {
        CampaignStartStage.LoadingPlans => "loading-plans",
        CampaignStartStage.StartingUnits => "starting-units",
        CampaignStartStage.CheckingWatermarks => "checking-watermarks",
        CampaignStartStage.Started => "started",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    private static string StageWords(CampaignStartStage stage, CultureInfo culture) =>
        ApiProblems.Text("start-stage-" + StageId(stage), culture);

    private static string Count(int units) => units.ToString(CultureInfo.InvariantCulture);

    private static bool AlwaysOpen(PathString path) =>
        path.StartsWithSegments("/health", StringComparison.Ordinal)
        || path.StartsWithSegments("/metrics", StringComparison.Ordinal)
        || path.StartsWithSegments("/openapi", StringComparison.Ordinal);
}
