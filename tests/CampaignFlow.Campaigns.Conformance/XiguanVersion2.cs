namespace CampaignFlow.Campaigns.Conformance;

/// <summary>
/// A version 2 of 西关街道's plan, written into a copy of definitions/: base visits 2次 → 3次, the 民意快线 deadline
/// 3月底 → 4月底, an action 民意快线回访群众 (hotline, at least 2次) added to its study phase.
/// </summary>
public static class XiguanVersion2
{
    public const string Plan = "weidu-xiguan-street-2014";

    public const string Unit = "weidu-xiguan-street";

    public static async Task WriteAsync(string definitions)
    {
        var file = Path.Combine(definitions, Plan + ".yaml");
        var text = (await File.ReadAllTextAsync(file))
            .Replace("\ntitle: ", "\nversion: 2\ntitle: ", StringComparison.Ordinal)
            .Replace("atLeast: 2次", "atLeast: 3次", StringComparison.Ordinal)
            .Replace("            by: 3月底前\n", string.Join('\n',
                "            by: 4月底前",
                "          - id: hotline-callbacks",
                "            title: 民意快线回访群众",
                "            activity: hotline",
                "            atLeast: 2次",
                ""), StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, text);
    }
}
