using System.Text;
using CampaignFlow.Tests.Shared;

namespace CampaignFlow.Cli.Tests;

/// <summary>Runs <c>campaignflow</c> in-process from the repository root and keeps what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    // One run at a time: the working directory and the locale variables are the process's.
    private static readonly Lock Process = new();

    private static readonly string[] LocaleVariables = ["LC_ALL", "LC_MESSAGES", "LANG"];

    public static CliRun Of(params string[] args) => Run(null, null, null, args);

    /// <summary>
    /// Runs with the environment's LANG set to <paramref name="lang"/> and LC_ALL and LC_MESSAGES, which outrank it,
    /// unset (null: the locale as the test process has it).
    /// </summary>
    public static CliRun WithLang(string? lang, params string[] args) =>
        Run(lang is null ? null : new Dictionary<string, string?> { ["LANG"] = lang, ["LC_ALL"] = null, ["LC_MESSAGES"] = null }, null, null, args);

    /// <summary>Runs with these locale variables (LC_ALL, LC_MESSAGES, LANG; a null value unsets one, one not named is unset).</summary>
    public static CliRun WithLocale(IReadOnlyDictionary<string, string?> locale, params string[] args) =>
        Run(LocaleVariables.ToDictionary(name => name, name => locale.GetValueOrDefault(name)), null, null, args);

    /// <summary>
    /// Runs with requests to a server going to <paramref name="http"/> (an in-process server's handler), and the
    /// environment variable CAMPAIGNFLOW_TOKEN set to <paramref name="tokenVariable"/> (null: unset).
    /// </summary>
    public static CliRun Against(HttpMessageHandler http, string? tokenVariable, params string[] args) => Run(null, http, tokenVariable, args);

    private static CliRun Run(IReadOnlyDictionary<string, string?>? locale, HttpMessageHandler? http, string? tokenVariable, string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code;
        lock (Process)
        {
            var before = Environment.CurrentDirectory;
            var localeBefore = LocaleVariables.ToDictionary(name => name, Environment.GetEnvironmentVariable);
            var tokenBefore = Environment.GetEnvironmentVariable("CAMPAIGNFLOW_TOKEN");
            Environment.SetEnvironmentVariable("CAMPAIGNFLOW_TOKEN", tokenVariable);
            Environment.CurrentDirectory = Repository.Root;
            foreach (var (name, value) in locale ?? new Dictionary<string, string?>())
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            try
            {
                code = new CampaignFlowApp(output, error, http).Run(args);
            }
            finally
            {
                Environment.CurrentDirectory = before;
                foreach (var (name, value) in localeBefore)
                {
                    Environment.SetEnvironmentVariable(name, value);
                }

                Environment.SetEnvironmentVariable("CAMPAIGNFLOW_TOKEN", tokenBefore);
            }
        }

        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>stdout as the bytes a tool reads from the pipe (UTF-8, as Program sets the console).</summary>
    public byte[] OutputBytes => new UTF8Encoding(false).GetBytes(Output);
}
