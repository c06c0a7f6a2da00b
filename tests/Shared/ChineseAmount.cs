using System.Text.RegularExpressions;

namespace CampaignFlow.Tests.Shared;

/// <summary>An amount as a Chinese plan writes it (半天, 25个, 3个工作日, 4学时, 20场): what an English sentence must not quote.</summary>
internal static partial class ChineseAmount
{
    /// <summary>Finds such amounts in a text.</summary>
    [GeneratedRegex(@"半天|半日|(?<![\p{IsCJKUnifiedIdeographs}\w])[\d.一二两三四五六七八九十]+ ?(个工作日|工作日|个小时|小时|学时|课时|分钟|个星期|个月|天|日|周|年|个|次|场|名|人次|户|篇)")]
    public static partial Regex Pattern();
}
