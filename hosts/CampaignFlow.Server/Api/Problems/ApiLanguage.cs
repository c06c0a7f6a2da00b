using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace CampaignFlow.Server.Api.Problems;

/// <summary>
/// The language of a response: English when the caller's Accept-Language prefers it, otherwise Chinese (zh-CN),
/// the language of the campaigns' documents.
/// </summary>
public static class ApiLanguage
{
    /// <summary>Chinese, the default.</summary>
    public static CultureInfo Chinese { get; } = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>English.</summary>
    public static CultureInfo English { get; } = CultureInfo.InvariantCulture;

    /// <summary>The culture for <paramref name="request"/>.</summary>
    /// <param name="request">The request.</param>
    public static CultureInfo Of(HttpRequest request)
    {
        if (!StringWithQualityHeaderValue.TryParseList(request.Headers.AcceptLanguage, out var wanted))
        {
            return Chinese;
        }

        foreach (var language in wanted.Where(w => w.Quality is null or > 0).OrderByDescending(w => w.Quality ?? 1))
        {
            var value = language.Value.Value ?? "";
            if (value.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            {
                return Chinese;
            }

            if (value.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                return English;
            }
        }

        return Chinese;
    }

    /// <summary>The BCP 47 name of <paramref name="culture"/> as used in Content-Language.</summary>
    /// <param name="culture">zh-CN or English.</param>
    public static string Tag(CultureInfo culture) => culture.Name.Length == 0 ? "en" : culture.Name;
}
