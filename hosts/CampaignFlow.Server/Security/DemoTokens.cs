using CampaignFlow.Campaigns.Service;

namespace CampaignFlow.Server.Security;

/// <summary>
/// The tokens <c>--demo</c> adds, written in the README, so a newcomer can try every role at once. They are
/// public knowledge: never run a demo on data that matters.
/// </summary>
public static class DemoTokens
{
    /// <summary>Reads and writes everything.</summary>
    public const string Admin = "demo-admin";

    /// <summary>Reads every unit.</summary>
    public const string Auditor = "demo-auditor";

    /// <summary>The prefix of a recorder's token: <c>demo-recorder-panyu-ftu</c> records for panyu-ftu.</summary>
    public const string RecorderPrefix = "demo-recorder-";

    /// <summary>The prefix of a reviewer's token: <c>demo-reviewer-panyu-ftu</c> reviews for panyu-ftu's supervision group.</summary>
    public const string ReviewerPrefix = "demo-reviewer-";

    /// <summary>The prefix of a body auditor's token: <c>demo-auditor-weidu-district</c> reads the units under weidu-district.</summary>
    public const string BodyAuditorPrefix = "demo-auditor-";

    /// <summary>Every demo token with its grant, for the running units.</summary>
    /// <param name="units">The units the demo runs.</param>
    public static IEnumerable<(string Token, TokenGrant Grant)> For(IReadOnlyList<CampaignUnit> units)
    {
        yield return Make(Admin, AccessRole.Admin);
        yield return Make(Auditor, AccessRole.Auditor);
        foreach (var unit in units)
        {
            yield return Make(RecorderPrefix + unit.Id, AccessRole.Recorder, unit: unit.Id);
            if (unit.Supervisor is { } supervisor)
            {
                yield return Make(ReviewerPrefix + unit.Id, AccessRole.Reviewer, supervisor: supervisor, group: unit.Group);
            }
        }

        foreach (var body in units.Select(u => u.Body).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            yield return Make(BodyAuditorPrefix + body, AccessRole.Auditor, body: body);
        }
    }

    private static (string, TokenGrant) Make(string token, AccessRole role, string? unit = null, string? supervisor = null, string? body = null, string? group = null) =>
        (token, new TokenGrant { Name = token, Hash = TokenHash.Of(token), Role = role, Unit = unit, Supervisor = supervisor, Body = body, Group = group });
}
