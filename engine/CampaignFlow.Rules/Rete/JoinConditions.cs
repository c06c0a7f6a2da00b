using System.Linq.Expressions;
using CampaignFlow.Rules.Compilation;

namespace CampaignFlow.Rules.Rete;

/// <summary>
/// The compiled conditions between a beta node's left tokens and right facts: equality keys for the hash
/// index and whatever conditions are left to test within a bucket. The expressions are kept to recognise
/// an identical node when another rule needs one.
/// </summary>
internal sealed class JoinConditions(
    LambdaExpression? leftKeyExpression,
    LambdaExpression? rightKeyExpression,
    LambdaExpression? residualExpression)
{
    public LambdaExpression? LeftKeyExpression { get; } = leftKeyExpression;

    public LambdaExpression? RightKeyExpression { get; } = rightKeyExpression;

    public LambdaExpression? ResidualExpression { get; } = residualExpression;

    public Func<Token, object?>? LeftKey { get; } = (Func<Token, object?>?)leftKeyExpression?.Compile();

    public Func<Fact, object?>? RightKey { get; } = (Func<Fact, object?>?)rightKeyExpression?.Compile();

    public Func<Token, Fact, bool>? Residual { get; } = (Func<Token, Fact, bool>?)residualExpression?.Compile();

    public bool IsIndexed => LeftKey is not null;

    public bool SameAs(JoinConditions other) =>
        ExpressionEquality.AreEqual(LeftKeyExpression, other.LeftKeyExpression)
        && ExpressionEquality.AreEqual(RightKeyExpression, other.RightKeyExpression)
        && ExpressionEquality.AreEqual(ResidualExpression, other.ResidualExpression);

    public string Describe() =>
        IsIndexed
            ? $"key {LeftKeyExpression!.Body} == {RightKeyExpression!.Body}" + (ResidualExpression is null ? string.Empty : $" and {ResidualExpression.Body}")
            : ResidualExpression?.Body.ToString() ?? "true";
}
