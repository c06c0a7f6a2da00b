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
            problems.Add(Both("option-definitions-missing", options.Definitions, options.DefinitionsPath));
        }

        if (!string.Equals(options.Store, "sqlite", StringComparison.OrdinalIgnoreCase) && !string.Equals(options.Store, "postgres", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(Both("option-store-unknown", options.Store));
        }
        else if (options.StoreKind == StoreKind.Postgres && string.IsNullOrWhiteSpace(configuration.GetConnectionString(ServerOptions.ConnectionStringName)))
        {
            problems.Add(Both("option-store-connection-missing"));
        }

        if (ComplianceEngines.Find(options.RulesEngine) is null)
        {
            // The server has no reader's language: Chinese first, then English, on the one line.
            problems.Add($"{ComplianceEngines.Unknown(options.RulesEngine, ChineseCulture)} {ComplianceEngines.Unknown(options.RulesEngine, CultureInfo.InvariantCulture)}");
        }

        if (ShownTime.For(options.TimeZone) is null)
        {
            problems.Add(Both("option-time-zone-unknown", options.TimeZone));
        }

        if (File.Exists(options.DataPath))
        {
            problems.Add(Both("option-data-is-file", options.Data));
        }

        if (options.DemoDayMilliseconds is < 1 or > 600_000)
        {
            problems.Add(Both("option-out-of-range", "--demo-day-ms", options.DemoDayMilliseconds, 1, 600_000));
        }

        if (options.DemoLagDays is < 0 or > 60)
        {
            problems.Add(Both("option-out-of-range", "--demo-lag-days", options.DemoLagDays, 0, 60));
        }

        if (!string.IsNullOrWhiteSpace(options.DemoUntil) && options.DemoUntilDay is null)
        {
            problems.Add(Both("option-demo-until-not-a-day", options.DemoUntil));
        }

        if (options.Partitions is < 1 or > 4096)
        {
            problems.Add(Both("option-out-of-range", "--partitions", options.Partitions, 1, 4096));
        }

        if (options.PartitionLeaseSeconds is < 3 or > 3600)
        {
            problems.Add(Both("option-out-of-range", "--partition-lease-seconds", options.PartitionLeaseSeconds, 3, 3600));
        }

        if (options.MaxSleepSeconds is < 1 or > 3600)
        {
            problems.Add(Both("option-out-of-range", "CampaignFlow:MaxSleepSeconds", options.MaxSleepSeconds, 1, 3600));
        }

        if (options.MaxSessionsInMemory < 1)
        {
            problems.Add(Both("option-at-least", "CampaignFlow:MaxSessionsInMemory", 1));
        }

        if (options.MaxConcurrentRecordings is { } recordings)
        {
            if (recordings < 1)
            {
                problems.Add(Both("option-at-least", "CampaignFlow:MaxConcurrentRecordings", 1));
            }
            else if (RecordingAdmission.SafeLimit(options, configuration) is { } safe && recordings > safe)
            {
                problems.Add(Both("option-recordings-over-pool", recordings, (recordings * 2) + 4, RecordingAdmission.PoolSize(configuration.GetConnectionString(ServerOptions.ConnectionStringName)!), safe));
            }
        }

        if (options.RecordingWaitSeconds is < 1 or > 600)
        {
            problems.Add(Both("option-out-of-range", "CampaignFlow:RecordingWaitSeconds", options.RecordingWaitSeconds, 1, 600));
        }

        if (options.MaxSessionRecordsInMemory < 1)
        {
            problems.Add(Both("option-at-least", "CampaignFlow:MaxSessionRecordsInMemory", 1));
        }

        if (options.MaxJsonBytes < 1024)
        {
            problems.Add(Both("option-at-least", "CampaignFlow:MaxJsonBytes", 1024));
        }

        if (options.MaxCsvBytes < 1024)
        {
            problems.Add(Both("option-at-least", "CampaignFlow:MaxCsvBytes", 1024));
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

    // The server has no reader's language: Chinese first, then English, on the one line.
    private static string Both(string code, params object?[] args)
    {
        var texts = Array.ConvertAll(args, a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "");
        return $"{ApiProblems.Text(code, ChineseCulture, texts)} {ApiProblems.Text(code, CultureInfo.InvariantCulture, texts)}";
    }
}
