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
        foreach (var period in explanation.Periods)
        {
            var label = PeriodLabel.Format(period.Period, culture);
            var days = CliMessages.Days(period.Start, period.End, culture);
            var target = period.Target is null ? "" : CliMessages.Text("explain-target", culture, period.Target);
            var verdict = period.Status == "violated"
                ? CliMessages.Text("explain-violated", culture, string.Join(chinese ? "；" : "; ", period.Violations.Select(v => chinese ? v.MessageZh : v.MessageEn)))
                : CliMessages.Text("explain-" + period.Status, culture);
            output.WriteLine(CliMessages.Text("explain-period", culture, label, days, target, verdict));
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
}
