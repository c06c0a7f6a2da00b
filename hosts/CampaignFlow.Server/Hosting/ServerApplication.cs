using System.Text.Encodings.Web;
using System.Text.Json;
using CampaignFlow.Server.Api.Bodies;
using CampaignFlow.Server.Api.Compliance;
using CampaignFlow.Server.Api.Groups;
using CampaignFlow.Server.Api.Health;
using CampaignFlow.Server.Api.Migrations;
using CampaignFlow.Server.Api.OpenApi;
using CampaignFlow.Server.Api.PlanLifecycle;
using CampaignFlow.Server.Api.Plans;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.Api.Records;
using CampaignFlow.Server.Api.Units;
using CampaignFlow.Server.Api.Violations;
using CampaignFlow.Server.Demo;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole;
using CampaignFlow.Server.WebConsole.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace CampaignFlow.Server.Hosting;

/// <summary>
/// Puts the server together: options, the clock, the campaign runner, tokens, the API and its OpenAPI document, the
/// web console.
/// Program.cs only reads the command line and reports how the run ended.
/// </summary>
public static class ServerApplication
{
    /// <summary>Builds the application from a checked command line.</summary>
    /// <param name="commandLine">The command line.</param>
    public static WebApplication Build(ServerCommandLine commandLine)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // Only what the host itself understands goes through as arguments; the rest is configuration below.
            Args = commandLine.Settings.Where(s => s.Key is "environment" or "contentRoot" or "applicationName").Select(s => $"--{s.Key}={s.Value}").ToArray(),
            ContentRootPath = commandLine.Settings.GetValueOrDefault("contentRoot") ?? AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(commandLine.Settings.Where(s => s.Key is not ("environment" or "contentRoot" or "applicationName")));
        // A failed start is reported by Program.cs in one line; the host's own report would add a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        builder.Logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss ";
        });

        AddServices(builder.Services, builder.Configuration);
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    /// <summary>Registers everything the server runs on.</summary>
    /// <param name="services">The services.</param>
    /// <param name="configuration">The configuration.</param>
    public static void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ServerOptions>().Bind(configuration.GetSection(ServerOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ServerOptions>, ServerOptionsValidation>();

        services.AddSingleton<TimeProvider>(sp => sp.GetRequiredService<IOptions<ServerOptions>>().Value.Demo
            ? DemoClock.Create(sp.GetRequiredService<IOptions<ServerOptions>>().Value)
            : TimeProvider.System);
        services.AddSingleton<CampaignStoresOpener>();
        services.AddSingleton<RunningCampaigns>();
        services.AddSingleton<TickSignal>();
        services.AddSingleton(sp => ShownTime.For(sp.GetRequiredService<IOptions<ServerOptions>>().Value.TimeZone) ?? ShownTime.Beijing);
        services.AddSingleton<UnitDirectory>();
        services.AddSingleton<TokenRegistry>();
        services.AddSingleton<CampaignRunner>();
        // Order matters: the configured tokens are in before the runner starts the campaigns in the background, which
        // then adds the demo's (they name the running units) before it lets requests through.
        services.AddHostedService(sp => sp.GetRequiredService<TokenRegistry>());
        services.AddHostedService(sp => sp.GetRequiredService<CampaignRunner>());
        services.AddHostedService<DemoReplay>();

        ServerTelemetry.AddServices(services, configuration);

        services.AddSingleton<ApiProblems>();
        services.AddSingleton<RequestText>();
        services.AddSingleton<UnitLookup>();
        services.AddSingleton<BodyAccess>();
        services.AddSingleton<RecordingAdmission>();
        services.AddSingleton<UnitRecorder>();
        services.AddSingleton<RecordWriter>();
        services.AddSingleton<AcrossUnitsRecordWriter>();
        services.AddSingleton<ViolationScope>();
        services.AddExceptionHandler<UnhandledExceptionHandler>();
        services.AddProblemDetails();
        services.Configure<JsonOptions>(json =>
        {
            // Chinese stays Chinese in responses instead of \u escapes.
            json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        });

        // Bearer tokens stay the default scheme: the API answers to them alone. The console's cookie is a second
        // scheme that only the console's pages ask for (ADR 0012).
        var authentication = services.AddAuthentication(BearerTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null);
        services.AddAuthorization();
        ConsoleHosting.AddServices(services, authentication);
        services.AddOpenApi("v1", openApi =>
        {
            openApi.AddDocumentTransformer<BearerSecurityTransformer>();
            openApi.AddOperationTransformer<RequestBodyDocumentationTransformer>();
            openApi.AddOperationTransformer<AnonymousOperationTransformer>();
        });
    }

    /// <summary>Maps the middleware and endpoints.</summary>
    /// <param name="app">The application.</param>
    public static void MapEndpoints(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(async status =>
        {
            // Routing's own answers (404, 405: no endpoint matched) get the same problem documents as everything else.
            var context = status.HttpContext;
            var problems = context.RequestServices.GetRequiredService<ApiProblems>();
            var code = context.Response.StatusCode;
            var answer = code switch
            {
                StatusCodes.Status404NotFound => problems.Write(context, code, "not-found", context.Request.Path),
                StatusCodes.Status405MethodNotAllowed => problems.Write(context, code, "method-not-allowed", context.Request.Method, context.Request.Path),
                _ => problems.Write(context, code, "http-status", code.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
            await answer.ExecuteAsync(context).ConfigureAwait(false);
        });
        StartingGate.Use(app);
        app.UseAuthentication();
        app.UseAuthorization();
        ConsoleHosting.Map(app);

        app.MapOpenApi("/openapi/v1.json").AllowAnonymous();
        ServerTelemetry.MapEndpoints(app);
        HealthEndpoints.Map(app);
        UnitEndpoints.Map(app);
        GroupEndpoints.Map(app);
        RecordEndpoints.Map(app);
        ViolationEndpoints.Map(app);
        PlanEndpoints.Map(app);
        MigrationEndpoints.Map(app);
        PlanDraftEndpoints.Map(app);
        ComplianceEndpoints.Map(app);
    }
}
