namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// One way a record breaks the order its action asks for: the words tools read in the evidence
/// (<c>mobilization: none before 2014-03-03</c>), and the message that says it alone, with by how much.
/// </summary>
/// <param name="Code">The message when it is the record's only problem.</param>
/// <param name="Evidence">The problem as the evidence lists it.</param>
/// <param name="Arguments">The values the message names.</param>
internal sealed record OrderProblem(string Code, string Evidence, string[] Arguments);
