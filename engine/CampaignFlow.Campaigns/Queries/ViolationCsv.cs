using System.Globalization;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Queries;

/// <summary>
/// The CSV of violations, the API's export and <c>campaignflow simulate --format csv</c> alike: one header row, one
/// violation a row; the columns and words of <see cref="ViolationView"/>. <see cref="ViolationCsvWriter"/> writes them.
/// </summary>
public static class ViolationCsv
{
    /// <summary>The header row.</summary>
    public const string Header = "id,unit,body,plan,planVersion,requirement,action,kind,severity,phase,period,periodStart,periodEnd,target,status,openedAt,resolvedAt,code,message";

    /// <summary>One row's cells, in the header's order, as text before CSV quoting (the console's .xlsx export writes them).</summary>
    /// <param name="v">The violation.</param>
    /// <param name="culture">The language of the message column.</param>
    public static string[] Cells(StoredViolation v, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(v);

        // Status and message as ViolationView writes them, without building a view: that parses the evidence, which a
        // CSV row does not carry (a third of an export's time).
        return
        [
            v.Id, v.Unit, v.Body ?? "", v.PlanId, v.PlanVersion.ToString(CultureInfo.InvariantCulture), v.RequirementId, v.ActionId, v.Kind,
            v.Severity, v.PhaseId ?? "", v.Period, v.PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            v.PeriodEnd.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), v.Target ?? "", ViolationView.StatusName(v.Status),
            v.OpenedAt.ToString("O", CultureInfo.InvariantCulture), v.ResolvedAt?.ToString("O", CultureInfo.InvariantCulture) ?? "", v.Code, ViolationView.MessageIn(v, culture),
        ];
    }
}
