namespace CampaignFlow.Rules.Bench;

/// <summary>The engines a run can use (<c>--engine campaignflow|nrules</c>): each compiles the three rules once and hands out sessions.</summary>
public static class BenchEngines
{
    public static readonly string[] Names = ["campaignflow", "nrules"];

    public static Func<IBenchSession> Compile(string engine)
    {
        switch (engine)
        {
            case "campaignflow":
                var ours = Runtime.RuleCompiler.Compile(new WeeklyHoursRule().GetDefinition(), new NoStudyRule().GetDefinition(), new NoTalkRule().GetDefinition());
                return () => new ReteBenchSession(ours.CreateSession());
            case "nrules":
                // Facts are records, equal by value; two sessions of 2 h in one week are two facts, as in ours.
                var compiler = new NRules.RuleCompiler();
                compiler.FactIdentityComparerRegistry.DefaultFactIdentityComparer = ReferenceEqualityComparer.Instance;
                var theirs = compiler.Compile(NRulesBenchRules.All());
                return () => new NRulesBenchSession(theirs.CreateSession());
            default:
                throw new ArgumentException($"Unknown engine '{engine}': {string.Join(" or ", Names)}.");
        }
    }
}
