using System.Globalization;
using CampaignFlow.Cli.Output;
using CampaignFlow.Compliance.Explaining;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Cli.Simulating;

/// <summary>
/// <c>simulate --explain</c> as people read it: the requirement in words, then each period met, violated (with the
/// violation's message) or pending, and under it each record of the subject, counted or why not.
/// </summary>
internal static class ExplanationText
{
    public static void Write(TextWriter output, RequirementExplanation explanation, CultureInfo culture)
    {
        var chinese = MessageTemplates.IsChinese(culture);
        output.WriteLine(CliMessages.Text("explain-requirement", culture, explanation.RequirementId, chinese ? explanation.StatementZh : explanation.StatementEn));
        if (!explanation.NodeByNode)
        {
            output.WriteLine(CliMessages.Text("explain-nodes-unsupported", culture, explanation.Engine));
        }

        foreach (var period in explanation.Periods)
        {
            var days = CliMessages.Days(period.Start, period.End, culture);
            // In Chinese a period that is an id (window, by 2014-03-31) is said by its days alone, as simulate says it.
            var label = PeriodLabel.IsCalendar(period.Period) || !chinese ? PeriodLabel.Format(period.Period, culture) : null;
            var target = period.Target is null ? "" : CliMessages.Text("explain-target", culture, period.Target);
            var verdict = period.Status == "violated"
                ? CliMessages.Text("explain-violated", culture, string.Join(chinese ? "；" : "; ", period.Violations.Select(v => chinese ? v.MessageZh : v.MessageEn)))
                : CliMessages.Text("explain-" + period.Status, culture);
            output.WriteLine(label is null
                ? CliMessages.Text("explain-period-days", culture, days, target, verdict)
                : CliMessages.Text("explain-period", culture, label, days, target, verdict));
            WriteNodes(output, period, culture);
            foreach (var record in period.Records)
            {
                output.WriteLine(CliMessages.Text("explain-record", culture, record.Counted ? "✓" : record.Outcome == "violated" ? "!" : "✗", record.Key,
                    CliMessages.Day(record.Day, culture), record.Failed is { } failed
                        ? CliMessages.Text("explain-where-failed", culture, failed)
                        : CliMessages.Text(record.Outcome == "violated" ? "explain-violated-record" : "explain-" + record.Outcome, culture)));
            }
        }

        if (explanation.OutsidePeriods.Count > 0)
        {
            output.WriteLine(CliMessages.Text("explain-outside", culture));
            foreach (var record in explanation.OutsidePeriods)
            {
                output.WriteLine(CliMessages.Text("explain-record", culture, "·", record.Key, CliMessages.Day(record.Day, culture), CliMessages.Text("explain-outside-periods", culture)));
            }
        }
    }

    // The rule's nodes under the period: a mark for how each fared, then how many partial matches (or facts, for the
    // due's and records' own tests) passed of those that reached it.
    private static void WriteNodes(TextWriter output, PeriodExplanation period, CultureInfo culture)
    {
        if (period.Nodes is not { } nodes)
        {
            return;
        }

        output.WriteLine(CliMessages.Text(period.Status == "pending" ? "explain-nodes-hypothetical" : "explain-nodes", culture));
        var separator = MessageTemplates.IsChinese(culture) ? "、" : ", ";
        foreach (var node in nodes)
        {
            var mark = node.Outcome switch
            {
                "held" => "✓",
                "absent" or "not-reached" => "·",
                _ => "✗",
            };
            var detail = (node.Aggregated is { } collected ? CliMessages.Text("explain-node-collected", culture, collected.ToString(CultureInfo.InvariantCulture)) : "")
                + (node.Partner.Count > 0 ? CliMessages.Text("explain-node-partner", culture, string.Join(separator, node.Partner)) : "");
            output.WriteLine(CliMessages.Text("explain-node", culture, mark, CliMessages.Text("explain-node-" + node.Node, culture),
                CliMessages.Text("explain-outcome-" + node.Outcome, culture), node.Passed.ToString(CultureInfo.InvariantCulture), node.Reached.ToString(CultureInfo.InvariantCulture), detail));
        }
    }
}
