using System.Globalization;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Cli.Reporting;

/// <summary>The report's words, from the embedded <c>Reporting/messages.yaml</c>.</summary>
internal static class ReportMessages
{
    private static readonly MessageTemplates Templates = MessageTemplates.Load(typeof(ReportMessages).Assembly, "CampaignFlow.Cli.Reporting.messages.yaml");

    public static string Text(string code, CultureInfo culture, params string[] arguments) => Templates.Format(code, arguments, culture);

    /// <summary>A day as people read it: 2014年6月30日, or 2014-06-30 in English.</summary>
    public static string Day(DateOnly day, CultureInfo culture) => Text("report-day", culture,
        day.Year.ToString(CultureInfo.InvariantCulture), day.Month.ToString(CultureInfo.InvariantCulture), day.Day.ToString(CultureInfo.InvariantCulture),
        day.Month.ToString("00", CultureInfo.InvariantCulture), day.Day.ToString("00", CultureInfo.InvariantCulture));
}
