using System.Text;

namespace CampaignFlow.Cli;

// In the CLI's namespace rather than top-level statements: the tests host the server too, whose Program is the global one.
internal static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        return new CampaignFlowApp(Console.Out, Console.Error).Run(args);
    }
}
