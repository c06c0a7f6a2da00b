using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

/// <summary>Runs <c>campaignflow</c> in-process from the repository root and keeps what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    private static readonly Lock WorkingDirectory = new();

    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code;
        lock (WorkingDirectory)
        {
            var before = Environment.CurrentDirectory;
            Environment.CurrentDirectory = Repository.Root;
            try
            {
                code = new CampaignFlowApp(output, error).Run(args);
            }
            finally
            {
                Environment.CurrentDirectory = before;
            }
        }

        return new CliRun(code, output.ToString(), error.ToString());
    }
}
