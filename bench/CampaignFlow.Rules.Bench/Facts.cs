namespace CampaignFlow.Rules.Bench;

public sealed record Leader(int Unit, int Id);

public sealed record StudySession(int Unit, int Week, double Hours);

public sealed record Talk(int Unit, int A, int B);

public sealed record WeekClosed(int Unit, int Week);

/// <summary>Kind "hours": week A's study sum is under 4; "no-study": week A has no session; "no-talk": leaders A and B never talked.</summary>
public sealed record Violation(string Kind, int Unit, int A, int B);
