using System.Text;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.Security;
using Microsoft.Extensions.Options;

// Exit codes: 0 stopped normally, 2 bad options or command line, 3 could not start (store, data folder, port).
Console.OutputEncoding = Encoding.UTF8;
if (args is ["hash-token", .. var rest])
{
    return HashTokenCommand.Run(rest, Console.Out, Console.Error);
}

var commandLine = ServerCommandLine.Parse(args);
if (commandLine.HelpAsked)
{
    Console.Out.WriteLine(ServerCommandLine.Usage);
    return 0;
}

if (commandLine.Errors.Count > 0)
{
    foreach (var error in commandLine.Errors)
    {
        Console.Error.WriteLine($"CampaignFlow.Server: {error}");
    }

    Console.Error.WriteLine("Run 'CampaignFlow.Server --help' for the options.");
    return 2;
}

try
{
    var app = ServerApplication.Build(commandLine);
    // Taken before running: RunAsync disposes the host's services as it returns.
    var campaigns = app.Services.GetRequiredService<RunningCampaigns>();
    await app.RunAsync().ConfigureAwait(false);
    // The campaigns start while the server listens; when their start fails the host stops, and says why here.
    if (campaigns.StartFailure is { } failure)
    {
        Console.Error.WriteLine($"CampaignFlow.Server: cannot start: {failure}");
        return 3;
    }

    return 0;
}
catch (OptionsValidationException e)
{
    foreach (var failure in e.Failures)
    {
        Console.Error.WriteLine($"CampaignFlow.Server: {failure}");
    }

    return 2;
}
catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
{
    // A setting of the wrong type (CampaignFlow__DemoDayMilliseconds=fast) fails in the configuration binder.
    Console.Error.WriteLine($"CampaignFlow.Server: {e.Message}");
    return 2;
}
catch (Exception e) when (e is ServerStartException or IOException)
{
    Console.Error.WriteLine($"CampaignFlow.Server: cannot start: {e.Message}");
    return 3;
}

/// <summary>The entry point, public so tests can host it with WebApplicationFactory.</summary>
public partial class Program;
