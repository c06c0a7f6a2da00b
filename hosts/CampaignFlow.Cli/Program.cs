using System.Text;
using CampaignFlow.Cli;

Console.OutputEncoding = Encoding.UTF8;
return new CampaignFlowApp(Console.Out, Console.Error).Run(args);
