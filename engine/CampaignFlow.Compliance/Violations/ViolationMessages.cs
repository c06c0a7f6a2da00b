using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Compliance.Violations;

/// <summary>The words of every violation, in English and Chinese, from the embedded <c>Violations/messages.yaml</c>.</summary>
public static class ViolationMessages
{
    /// <summary>The templates.</summary>
    public static MessageTemplates Templates { get; } =
        MessageTemplates.Load(typeof(ViolationMessages).Assembly, "CampaignFlow.Compliance.Violations.messages.yaml");
}
