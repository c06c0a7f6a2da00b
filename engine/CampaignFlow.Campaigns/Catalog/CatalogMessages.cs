using System.Globalization;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Campaigns.Catalog;

/// <summary>The words of the service's findings about plans, from the embedded <c>Catalog/messages.yaml</c>.</summary>
internal static class CatalogMessages
{
    private static readonly MessageTemplates Templates =
        MessageTemplates.Load(typeof(CatalogMessages).Assembly, "CampaignFlow.Campaigns.Catalog.messages.yaml");

    public static string Format(string code, CultureInfo culture, params string[] arguments) => Templates.Format(code, arguments, culture);
}
