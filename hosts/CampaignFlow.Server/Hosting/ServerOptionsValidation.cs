using System.Globalization;
using CampaignFlow.Compliance.NRules;
using CampaignFlow.Server.Api.Problems;
using CampaignFlow.Server.WebConsole.Text;
using Microsoft.Extensions.Options;

namespace CampaignFlow.Server.Hosting;

/// <summary>
/// Checks <see cref="ServerOptions"/> when the host starts, so a bad setting stops the server with a one-line
/// reason (exit code 2) before anything is opened or written.
/// </summary>
/// <param name="configuration">For the connection string, which lives outside the section.</param>
internal sealed class ServerOptionsValidation(IConfiguration configuration) : IValidateOptions<ServerOptions>
{
    private static readonly CultureInfo ChineseCulture = new("zh-CN");

    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        var problems = new List<string>();
        if (!Directory.Exists(options.DefinitionsPath))
        {
            problems.Add($"--definitions: the folder '{options.Definitions}' does not exist (full path {options.DefinitionsPath}).");
        }

        if (!string.Equals(options.Store, "sqlite", StringComparison.OrdinalIgnoreCase) && !string.Equals(options.Store, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"--store: '{options.Store}' is neither sqlite nor postgres.");
        }
        else if (options.StoreKind == StoreKind.Postgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString(ServerOptions.ConnectionStringName)))
        {
            problems.Add("--store postgres needs a connection string: --connection \"Host=…;Database=…;Username=…\" or ConnectionStrings__CampaignFlow.");
        }

        if (ComplianceEngines.Find(options.RulesEngine) is null)
        {
            // The server has no reader's language: Chinese first, then English, on the one line.
            problems.Add($"{ComplianceEngines.Unknown(options.RulesEngine, ChineseCulture)} {ComplianceEngines.Unknown(options.RulesEngine, CultureInfo.InvariantCulture)}");
        }

        if (ShownTime.For(options.TimeZone) is null)
        {
            problems.Add($"{ApiProblems.Text("option-time-zone-unknown", ChineseCulture, options.TimeZone)} {ApiProblems.Text("option-time-zone-unknown", CultureInfo.InvariantCulture, options.TimeZone)}");
        }

        if (File.Exists(options.DataPath))
        {
            problems.Add($"--data: '{options.Data}' is a file; it must be a folder (created when missing).");
        }

        if (options.DemoDayMilliseconds is < 1 or > 600_000)
        {
            problems.Add($"--demo-day-ms: {options.DemoDayMilliseconds} is not between 1 and 600000.");
        }

        if (options.DemoLagDays is < 0 or > 60)
        {
            problems.Add($"--demo-lag-days: {options.DemoLagDays} is not between 0 and 60.");
        }

        if (!string.IsNullOrWhiteSpace(options.DemoUntil) && options.DemoUntilDay is null)
        {
            problems.Add($"--demo-until: '{options.DemoUntil}' is not a day written yyyy-MM-dd.");
        }

        if (options.MaxSleepSeconds is < 1 or > 3600)
        {
            problems.Add($"CampaignFlow:MaxSleepSeconds: {options.MaxSleepSeconds} is not between 1 and 3600.");
        }

        if (options.MaxSessionsInMemory < 1)
        {
            problems.Add("CampaignFlow:MaxSessionsInMemory must be at least 1.");
        }

        if (options.MaxConcurrentRecordings is { } recordings)
        {
            if (recordings < 1)
            {
                problems.Add("CampaignFlow:MaxConcurrentRecordings must be at least 1.");
            }
            else if (RecordingAdmission.SafeLimit(options, configuration) is { } safe && recordings > safe)
            {
                problems.Add($"CampaignFlow:MaxConcurrentRecordings: {recordings} recordings at once need {(recordings * 2) + 4} PostgreSQL connections; the connection string's pool has {RecordingAdmission.PoolSize(configuration.GetConnectionString(ServerOptions.ConnectionStringName)!)} (raise Maximum Pool Size, or set at most {safe}).");
            }
        }

        if (options.RecordingWaitSeconds is < 1 or > 600)
        {
            problems.Add($"CampaignFlow:RecordingWaitSeconds: {options.RecordingWaitSeconds} is not between 1 and 600.");
        }

        if (options.MaxSessionRecordsInMemory < 1)
        {
            problems.Add("CampaignFlow:MaxSessionRecordsInMemory must be at least 1.");
        }

        if (options.MaxJsonBytes < 1024 || options.MaxCsvBytes < 1024)
        {
            problems.Add("CampaignFlow:MaxJsonBytes and MaxCsvBytes must be at least 1024.");
        }

        for (var i = 0; i < options.Tokens.Count; i++)
        {
            if (options.Tokens[i].ToGrant(i, out var problem) is null)
            {
                problems.Add(problem!);
            }
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
