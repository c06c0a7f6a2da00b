using System.Globalization;

namespace CampaignFlow.Server.Api.Problems;

/// <summary>
/// What a query parameter should have been, as a message of the catalogue (<c>expect-…</c>), so a bad query is
/// answered in the caller's language all through ("“0”不是 limit 的有效值：1 到 1000 之间的整数").
/// </summary>
/// <param name="Code">The message code.</param>
/// <param name="Arguments">Values for its placeholders.</param>
public sealed record QueryExpectation(string Code, params string[] Arguments)
{
    /// <summary>The expectation in <paramref name="culture"/>'s language.</summary>
    /// <param name="culture">Chinese or English.</param>
    public string Text(CultureInfo culture) => ApiProblems.Text(Code, culture, Arguments);
}
