using System.Globalization;
using System.Text.Json;
using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Queries;

/// <summary>
/// A violation as the API and <c>campaignflow simulate --format json</c> show it: the stored facts, its message in the
/// caller's language and in both. One shape for both hosts, serialised camelCase, with kinds, severities and statuses
/// as kebab-case words (<c>period-minimum</c>, <c>required</c>, <c>open</c>): a tool reads either the same way.
/// </summary>
/// <param name="Id">Its stable id.</param>
/// <param name="Unit">The unit.</param>
/// <param name="Body">The body the unit belongs to.</param>
/// <param name="PlanId">The plan.</param>
/// <param name="PlanVersion">The plan's version.</param>
/// <param name="RequirementId">The requirement broken.</param>
/// <param name="ActionId">The plan action it belongs to.</param>
/// <param name="Kind">The requirement kind.</param>
/// <param name="Severity">required or soft.</param>
/// <param name="PhaseId">The phase, when the action is in one.</param>
/// <param name="Period">The period judged (2014-W10, a month, the window).</param>
/// <param name="PeriodStart">The period's first day.</param>
/// <param name="PeriodEnd">The period's last day.</param>
/// <param name="Target">The person or pair concerned, if any.</param>
/// <param name="Status">open or resolved.</param>
/// <param name="OpenedAt">When it opened.</param>
/// <param name="ResolvedAt">When it resolved.</param>
/// <param name="Code">The message code.</param>
/// <param name="Message">In the caller's language.</param>
/// <param name="MessageZh">In Chinese.</param>
/// <param name="MessageEn">In English.</param>
/// <param name="Evidence">What counted and what is missing, as the rules engine recorded it.</param>
public sealed record ViolationView(
    string Id, string Unit, string? Body, string PlanId, int PlanVersion, string RequirementId, string ActionId, string Kind,
    string Severity, string? PhaseId, string Period, DateOnly PeriodStart, DateOnly PeriodEnd, string? Target, string Status,
    DateTimeOffset OpenedAt, DateTimeOffset? ResolvedAt, string Code, string Message, string MessageZh, string MessageEn, JsonElement Evidence)
{
    /// <summary>The view of <paramref name="v"/>.</summary>
    /// <param name="v">The stored violation.</param>
    /// <param name="culture">The caller's language.</param>
    public static ViolationView Of(StoredViolation v, CultureInfo culture) => new(
        v.Id, v.Unit, v.Body, v.PlanId, v.PlanVersion, v.RequirementId, v.ActionId, v.Kind, v.Severity, v.PhaseId, v.Period,
        v.PeriodStart, v.PeriodEnd, v.Target, StatusName(v.Status), v.OpenedAt, v.ResolvedAt, v.Code,
        MessageIn(v, culture), v.MessageZh, v.MessageEn, EvidenceOf(v.Details));

    /// <summary>The message of <paramref name="v"/> in the caller's language: Chinese for zh, English otherwise.</summary>
    /// <param name="v">The stored violation.</param>
    /// <param name="culture">The caller's language.</param>
    public static string MessageIn(StoredViolation v, CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh" ? v.MessageZh : v.MessageEn;

    /// <summary>How a status is written in the API (and accepted in <c>?status=</c>).</summary>
    /// <param name="status">The status.</param>
    public static string StatusName(ViolationStatus status) => status == ViolationStatus.Open ? "open" : "resolved";

    /// <summary>Stored details as JSON: as they are when they are JSON, else as one string.</summary>
    /// <param name="details">The stored details.</param>
    public static JsonElement EvidenceOf(string details)
    {
        try
        {
            using var parsed = JsonDocument.Parse(details);
            return parsed.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(details);
        }
    }
}
