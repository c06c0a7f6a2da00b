using System.Globalization;
using CampaignFlow.Server.Api.Problems;

namespace CampaignFlow.Server.WebConsole.Text;

/// <summary>
/// The console's language: Chinese unless the language cookie (set by the switch in the page header) says English.
/// Read per request and passed on explicitly, never set as the thread's culture, so the API's answers cannot change
/// with it.
/// </summary>
public static class ConsoleLanguage
{
    /// <summary>The cookie that keeps the choice.</summary>
    public const string CookieName = "cf-lang";

    /// <summary>The cookie's value for English.</summary>
    public const string EnglishTag = "en";

    /// <summary>The cookie's value for Chinese.</summary>
    public const string ChineseTag = "zh-CN";

    /// <summary>The culture of <paramref name="request"/>.</summary>
    /// <param name="request">The request.</param>
    public static CultureInfo Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Cookies.TryGetValue(CookieName, out var tag) && tag == EnglishTag ? ApiLanguage.English : ApiLanguage.Chinese;
    }

    /// <summary>The tag of <paramref name="culture"/> for <c>&lt;html lang&gt;</c> and the cookie.</summary>
    /// <param name="culture">The culture.</param>
    public static string Tag(CultureInfo culture) => CampaignFlow.Plans.Diagnostics.MessageTemplates.IsChinese(culture) ? ChineseTag : EnglishTag;
}
