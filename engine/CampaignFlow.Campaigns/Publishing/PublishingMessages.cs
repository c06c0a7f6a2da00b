using System.Globalization;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Campaigns.Publishing;

/// <summary>The words of the service's findings about plans, from the embedded <c>Publishing/messages.yaml</c>.</summary>
internal static class PublishingMessages
{
    private static readonly MessageTemplates Templates =
        MessageTemplates.Load(typeof(PublishingMessages).Assembly, "CampaignFlow.Campaigns.Publishing.messages.yaml");

    public static string Format(string code, CultureInfo culture, params string[] arguments) => Templates.Format(code, arguments, culture);
}
