namespace CampaignFlow.Campaigns.Migrating;

/// <summary>Something a migration costs a unit, said in both languages: progress lost, or a gate to pass again.</summary>
/// <param name="Kind"><c>gate-removed</c>, <c>window-moved</c> or <c>gate-reopens</c>.</param>
/// <param name="Id">The gate's action, or the phase or action whose window moves.</param>
/// <param name="MessageZh">What happens, in Chinese.</param>
/// <param name="MessageEn">What happens, in English.</param>
public sealed record MigrationNote(string Kind, string Id, string MessageZh, string MessageEn)
{
    /// <summary>The message in <paramref name="culture"/>'s language (Chinese unless it is English).</summary>
    /// <param name="culture">The reader's culture.</param>
    public string Message(System.Globalization.CultureInfo culture) =>
        Plans.Diagnostics.MessageTemplates.IsChinese(culture) ? MessageZh : MessageEn;
}
