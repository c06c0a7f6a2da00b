using System.Text;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

/// <summary>Runs <c>campaignflow</c> in-process from the repository root and keeps what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    // One run at a time: the working directory and LANG are the process's.
    private static readonly Lock Process = new();

    public static CliRun Of(params string[] args) => WithLang(null, args);

    /// <summary>Runs with the environment's LANG set to <paramref name="lang"/> (null: as the test process has it).</summary>
    public static CliRun WithLang(string? lang, params string[] args) => Run(lang, null, null, args);

    /// <summary>
    /// Runs with requests to a server going to <paramref name="http"/> (an in-process server's handler), and the
    /// environment variable CAMPAIGNFLOW_TOKEN set to <paramref name="tokenVariable"/> (null: unset).
    /// </summary>
    public static CliRun Against(HttpMessageHandler http, string? tokenVariable, params string[] args) => Run(null, http, tokenVariable, args);

    private static CliRun Run(string? lang, HttpMessageHandler? http, string? tokenVariable, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code;
        lock (Process)
        {
            var before = Environment.CurrentDirectory;
            var langBefore = Environment.GetEnvironmentVariable("LANG");
            var tokenBefore = Environment.GetEnvironmentVariable("CAMPAIGNFLOW_TOKEN");
            Environment.SetEnvironmentVariable("CAMPAIGNFLOW_TOKEN", tokenVariable);
            Environment.CurrentDirectory = Repository.Root;
            if (lang is not null)
            {
                Environment.SetEnvironmentVariable("LANG", lang);
            }

            try
            {
                code = new CampaignFlowApp(output, error, http).Run(args);
            }
            finally
            {
                Environment.CurrentDirectory = before;
                Environment.SetEnvironmentVariable("LANG", langBefore);
                Environment.SetEnvironmentVariable("CAMPAIGNFLOW_TOKEN", tokenBefore);
            }
        }

        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>stdout as the bytes a tool reads from the pipe (UTF-8, as Program sets the console).</summary>
    public byte[] OutputBytes => new UTF8Encoding(false).GetBytes(Output);
}
