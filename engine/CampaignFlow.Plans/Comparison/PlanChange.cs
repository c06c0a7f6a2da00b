namespace CampaignFlow.Plans.Comparison;

/// <summary>One difference between two plans, in a policy author's terms.</summary>
/// <param name="Change"><c>added</c>, <c>removed</c> or <c>changed</c>.</param>
/// <param name="Subject">What changed: <c>campaign</c>, <c>calendar</c>, <c>holiday</c>, <c>phase</c>, <c>action</c>, <c>requirement</c>, <c>supervisor</c>, <c>person</c> or <c>version</c>.</param>
/// <param name="Id">The id of what changed (a phase, action, requirement or person id; a holiday as year/name, 2014/春节; the plan id for the others).</param>
/// <param name="Before">What it was, as a tool reads it (ISO dates, ids, the English statement); null when added.</param>
/// <param name="After">What it is now, likewise; null when removed.</param>
/// <param name="MessageZh">The change in Chinese, as the author reads it (每周集中学习：半天 → 1天).</param>
/// <param name="MessageEn">The change in English.</param>
public sealed record PlanChange(string Change, string Subject, string Id, string? Before, string? After, string MessageZh, string MessageEn)
{
    /// <summary>The message in <paramref name="culture"/>'s language (Chinese unless it is English).</summary>
    /// <param name="culture">The reader's culture.</param>
    public string Message(System.Globalization.CultureInfo culture) =>
        Diagnostics.MessageTemplates.IsChinese(culture) ? MessageZh : MessageEn;
}
