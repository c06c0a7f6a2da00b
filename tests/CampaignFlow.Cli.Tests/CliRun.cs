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
    public static CliRun WithLang(string? lang, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code;
        lock (Process)
        {
            var before = Environment.CurrentDirectory;
            var langBefore = Environment.GetEnvironmentVariable("LANG");
            Environment.CurrentDirectory = Repository.Root;
            if (lang is not null)
            {
                Environment.SetEnvironmentVariable("LANG", lang);
            }

            try
            {
                code = new CampaignFlowApp(output, error).Run(args);
            }
            finally
            {
                Environment.CurrentDirectory = before;
                Environment.SetEnvironmentVariable("LANG", langBefore);
            }
        }

        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>stdout as the bytes a tool reads from the pipe (UTF-8, as Program sets the console).</summary>
    public byte[] OutputBytes => new UTF8Encoding(false).GetBytes(Output);
}
