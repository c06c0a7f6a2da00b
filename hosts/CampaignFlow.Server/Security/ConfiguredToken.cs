namespace CampaignFlow.Server.Security;

/// <summary>
/// One token as written in configuration (<c>CampaignFlow:Tokens:N:…</c>, e.g.
/// <c>CampaignFlow__Tokens__0__Hash</c> in the environment). Plain strings, so a typo in a role is reported as
/// such at start instead of failing inside the configuration binder.
/// </summary>
public sealed class ConfiguredToken
{
    /// <summary>A name for logs and for who recorded a record.</summary>
    public string? Name { get; set; }

    /// <summary>SHA-256 of the token, 64 hex digits (<c>CampaignFlow.Server hash-token</c> makes it).</summary>
    public string? Hash { get; set; }

    /// <summary><c>auditor</c>, <c>recorder</c>, <c>reviewer</c> or <c>admin</c>.</summary>
    public string? Role { get; set; }

    /// <summary>For a recorder: its unit.</summary>
    public string? Unit { get; set; }

    /// <summary>For an auditor: the body whose units it reads (omit to read all).</summary>
    public string? Body { get; set; }

    /// <summary>For a reviewer: the supervision group, as plans name it.</summary>
    public string? Supervisor { get; set; }

    /// <summary>For a reviewer: the supervision group's id in the groups files (instead of <see cref="Supervisor"/>).</summary>
    public string? Group { get; set; }

    /// <summary>Checks the entry; returns the grant, or the problem in one line.</summary>
    /// <param name="index">Its position in the list, to name it in the problem.</param>
    /// <param name="problem">What is wrong, when the result is null.</param>
    public TokenGrant? ToGrant(int index, out string? problem)
    {
        var where = $"CampaignFlow:Tokens:{index}" + (Name is { Length: > 0 } ? $" ({Name})" : "");
        problem = null;
        if (!TokenHash.IsWellFormed(Hash))
        {
            problem = $"{where}: Hash must be the SHA-256 of the token in 64 hex digits (make one with 'CampaignFlow.Server hash-token').";
            return null;
        }

        if (!Enum.TryParse<AccessRole>(Role, ignoreCase: true, out var role) || int.TryParse(Role, out _))
        {
            problem = $"{where}: Role '{Role}' is not one of auditor, recorder, reviewer, admin.";
            return null;
        }

        if (role == AccessRole.Recorder && string.IsNullOrWhiteSpace(Unit))
        {
            problem = $"{where}: a recorder needs the Unit it records for.";
            return null;
        }

        if (role == AccessRole.Reviewer && string.IsNullOrWhiteSpace(Supervisor) && string.IsNullOrWhiteSpace(Group))
        {
            problem = $"{where}: a reviewer needs the Group (the supervision group's id in the groups files) or the Supervisor (its name, as plans give it).";
            return null;
        }

        return new TokenGrant
        {
            Name = Name is { Length: > 0 } ? Name : $"token-{index}",
            Hash = Hash!.ToLowerInvariant(),
            Role = role,
            Unit = role == AccessRole.Recorder ? Unit : null,
            Body = role == AccessRole.Auditor && !string.IsNullOrWhiteSpace(Body) ? Body : null,
            Supervisor = role == AccessRole.Reviewer && !string.IsNullOrWhiteSpace(Supervisor) ? Supervisor : null,
            Group = role == AccessRole.Reviewer && !string.IsNullOrWhiteSpace(Group) ? Group : null,
        };
    }
}
