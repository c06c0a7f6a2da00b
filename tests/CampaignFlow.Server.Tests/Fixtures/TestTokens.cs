using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Tests.Fixtures;

/// <summary>The tokens every test server accepts, one per role and scope, configured as hashes like a real server.</summary>
public static class TestTokens
{
    public const string Admin = "t-admin";
    public const string Auditor = "t-auditor";
    public const string AuditorWeidu = "t-auditor-weidu";
    public const string RecorderPanyu = "t-recorder-panyu";
    public const string RecorderMianyang = "t-recorder-mianyang";
    public const string RecorderXiguan = "t-recorder-xiguan";
    public const string RecorderWeidu = "t-recorder-weidu";
    public const string ReviewerPanyu = "t-reviewer-panyu";
    public const string ReviewerMianyang = "t-reviewer-mianyang";
    public const string ReviewerWeiduGroup1 = "t-reviewer-weidu-group-1";
    public const string ReviewerWeiduGroup3 = "t-reviewer-weidu-group-3";

    /// <summary>Configuration keys for the tokens above (CampaignFlow:Tokens:N:…).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings()
    {
        (string Token, string Role, string? Unit, string? Body, string? Supervisor, string? Group)[] all =
        [
            (Admin, "admin", null, null, null, null),
            (Auditor, "auditor", null, null, null, null),
            (AuditorWeidu, "auditor", null, "weidu-district", null, null),
            (RecorderPanyu, "recorder", "panyu-ftu", null, null, null),
            (RecorderMianyang, "recorder", "mianyang-ftu", null, null, null),
            (RecorderXiguan, "recorder", "weidu-xiguan-street", null, null, null),
            (RecorderWeidu, "recorder", "weidu-district", null, null, null),
            (ReviewerPanyu, "reviewer", null, null, "区委督导组", null),
            (ReviewerMianyang, "reviewer", null, null, "市委督导组", null),
            (ReviewerWeiduGroup1, "reviewer", null, null, null, "weidu-group-1"),
            (ReviewerWeiduGroup3, "reviewer", null, null, null, "weidu-group-3"),
        ];
        for (var i = 0; i < all.Length; i++)
        {
            var prefix = $"CampaignFlow:Tokens:{i}:";
            yield return new(prefix + "Name", all[i].Token);
            yield return new(prefix + "Hash", TokenHash.Of(all[i].Token));
            yield return new(prefix + "Role", all[i].Role);
            if (all[i].Unit is { } unit)
            {
                yield return new(prefix + "Unit", unit);
            }

            if (all[i].Body is { } body)
            {
                yield return new(prefix + "Body", body);
            }

            if (all[i].Supervisor is { } supervisor)
            {
                yield return new(prefix + "Supervisor", supervisor);
            }

            if (all[i].Group is { } group)
            {
                yield return new(prefix + "Group", group);
            }
        }
    }
}
