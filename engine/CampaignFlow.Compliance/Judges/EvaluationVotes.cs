namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// The votes of an evaluation a re-work share is read from (不满意 of 满意, 基本满意 and 不满意): the share's own
/// attribute, and the three votes every evaluation of the seeds counts, whose sum is the whole.
/// </summary>
public static class EvaluationVotes
{
    /// <summary>True when <paramref name="name"/> is a vote a share of <paramref name="attribute"/> counts.</summary>
    /// <param name="name">An attribute of the evaluation.</param>
    /// <param name="attribute">The attribute the share is of.</param>
    public static bool IsCounted(string name, string attribute) => name is "satisfied" or "basic" or "unsatisfied" || name == attribute;
}
