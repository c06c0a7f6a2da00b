namespace CampaignFlow.Server.Security;

/// <summary>
/// What one token grants, once its configuration (<see cref="ConfiguredToken"/>) is checked. Which of
/// <see cref="Unit"/>, <see cref="Body"/> and <see cref="Supervisor"/> applies depends on <see cref="Role"/>.
/// </summary>
public sealed record TokenGrant
{
    /// <summary>A name for logs and audit trails (who recorded a record); never the token itself.</summary>
    public string Name { get; init; } = "";

    /// <summary>SHA-256 of the token, 64 lower-case hex digits.</summary>
    public string Hash { get; init; } = "";

    /// <summary>What the token may do.</summary>
    public AccessRole Role { get; init; }

    /// <summary>For a recorder: the one unit it records for.</summary>
    public string? Unit { get; init; }

    /// <summary>For an auditor: limits reading to the units whose parent chain includes this body; null reads all.</summary>
    public string? Body { get; init; }

    /// <summary>For a reviewer: the supervision group as plans name it (<c>supervisor: 区委督导组</c>).</summary>
    public string? Supervisor { get; init; }

    /// <summary>
    /// For a reviewer: the supervision group's id in the groups files (<c>weidu-group-3</c>). When given, it alone
    /// decides which units the token reviews, so two plans naming groups alike (区委督导组) are never confused.
    /// </summary>
    public string? Group { get; init; }
}
