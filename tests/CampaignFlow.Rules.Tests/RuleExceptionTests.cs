using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

public class RuleExceptionTests
{
    public sealed record Ratio(int Numerator, int Denominator);

    public sealed record Parcel(string? Label);

    [Id("ratio-above-one")]
    public sealed class RatioRule : Rule
    {
        protected override void Define()
        {
            Ratio ratio = null!;
            When().Match(() => ratio, r => r.Numerator / r.Denominator > 1);
            Then().Do(_ => Console.WriteLine(ratio));
        }
    }

    [Id("parcel-label")]
    public sealed class LabelRule : Rule
    {
        protected override void Define()
        {
            Parcel parcel = null!;
            When().Match(() => parcel);
            Then().Do(_ => Console.WriteLine(parcel.Label!.Length));
        }
    }

    [Fact]
    public void A_throwing_condition_surfaces_with_the_rule_id_and_the_fact()
    {
        var session = RuleCompiler.Compile(new RatioRule().GetDefinition()).CreateSession();
        var bad = new Ratio(1, 0);

        var ex = Should.Throw<RuleConditionException>(() => session.Insert(bad));

        ex.RuleId.ShouldBe("ratio-above-one");
        ex.Facts.ShouldBe([bad]);
        ex.InnerException.ShouldBeOfType<DivideByZeroException>();
        ex.Message.ShouldContain("ratio-above-one");
    }

    [Fact]
    public void A_throwing_action_surfaces_with_the_rule_id_and_the_match()
    {
        var session = RuleCompiler.Compile(new LabelRule().GetDefinition()).CreateSession();
        var parcel = new Parcel(null);
        session.Insert(parcel);

        var ex = Should.Throw<RuleActionException>(() => session.Fire());

        ex.RuleId.ShouldBe("parcel-label");
        ex.Facts.ShouldBe([parcel]);
        ex.Match["parcel"].ShouldBe(parcel);
        ex.InnerException.ShouldBeOfType<NullReferenceException>();
        session.PendingActivations.ShouldBe(0, "the failed activation is consumed");
    }

    [Fact]
    public void A_rule_using_an_undeclared_variable_does_not_compile()
    {
        var builder = new Builder.RuleBuilder("broken");
        var pattern = builder.LeftHandSide.Pattern(typeof(Parcel), "parcel");
        var ghost = System.Linq.Expressions.Expression.Parameter(typeof(Ratio), "ghost");
        pattern.Condition(
            System.Linq.Expressions.Expression.Equal(
                System.Linq.Expressions.Expression.Property(ghost, nameof(Ratio.Numerator)),
                System.Linq.Expressions.Expression.Constant(1)),
            pattern.Parameter,
            ghost);

        var ex = Should.Throw<RuleCompilationException>(() => RuleCompiler.Compile(builder.Build()));

        ex.RuleId.ShouldBe("broken");
        ex.Message.ShouldContain("ghost");
    }
}
