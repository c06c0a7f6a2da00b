using CampaignFlow.Campaigns.Telemetry;
using CampaignFlow.Compliance.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace CampaignFlow.Server.Hosting;

/// <summary>
/// The host's meters and traces through OpenTelemetry: the campaign service's own (<see cref="CampaignMetrics"/>), the
/// compliance sessions' rule activations (<see cref="ComplianceMeter"/>),
/// ASP.NET Core's and Kestrel's request meters and the .NET runtime's (GC, thread pool), read by Prometheus at
/// <c>GET /metrics</c> and, when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, pushed to an OpenTelemetry collector with
/// the traces of recordings, ticks, the start and HTTP requests.
/// </summary>
public static class ServerTelemetry
{
    /// <summary>Where Prometheus scrapes the meters.</summary>
    public const string MetricsPath = "/metrics";

    // Meters the shared framework publishes by itself: no instrumentation package is needed to read them.
    private static readonly string[] FrameworkMeters =
        ["Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Routing", "System.Runtime"];

    /// <summary>Registers the meters, traces and exporters.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> turns the OTLP export on.</param>
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        // Without a collector to send to, the OTLP exporter would retry localhost:4317 for ever and log each failure.
        var otlp = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("campaignflow", serviceInstanceId: Environment.MachineName + "/" + Environment.ProcessId))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(CampaignMetrics.MeterName, ComplianceMeter.MeterName).AddMeter(FrameworkMeters).AddPrometheusExporter();
                if (otlp)
                {
                    metrics.AddOtlpExporter();
                }
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing.AddSource(CampaignMetrics.ActivitySourceName, "Microsoft.AspNetCore").AddOtlpExporter());
        }
    }

    /// <summary>Maps <see cref="MetricsPath"/>, anonymous as scrapers expect; it shows counts and durations, never records or names.</summary>
    /// <param name="app">The application.</param>
    public static void MapEndpoints(WebApplication app) =>
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous().ExcludeFromDescription();
}
