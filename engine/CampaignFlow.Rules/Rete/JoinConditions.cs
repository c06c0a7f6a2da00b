using System.Linq.Expressions;
using CampaignFlow.Rules.Compilation;

namespace CampaignFlow.Rules.Rete;

/// <summary>
/// The compiled conditions between a beta node's left tokens and right facts: equality keys for the hash
/// index and whatever conditions are left to test within a bucket. The expressions are kept to recognise
/// an identical node when another rule needs one.
/// </summary>
internal sealed class JoinConditions
{
    private readonly Func<BetaMemory> _createMemory;

    public JoinConditions(LambdaExpression? leftKeyExpression, LambdaExpression? rightKeyExpression, LambdaExpression? residualExpression)
    {
        LeftKeyExpression = leftKeyExpression;
        RightKeyExpression = rightKeyExpression;
        ResidualExpression = residualExpression;
        Residual = residualExpression is null ? null : (Func<Token, Fact, bool>)DelegateCompiler.Compile(residualExpression);
        if (leftKeyExpression is null || rightKeyExpression is null)
        {
            _createMemory = static () => new SingleBucketMemory();
            return;
        }

        var memoryType = typeof(KeyedMemory<>).MakeGenericType(leftKeyExpression.ReturnType);
        var left = DelegateCompiler.Compile(leftKeyExpression);
        var right = DelegateCompiler.Compile(rightKeyExpression);
        var constructor = memoryType.GetConstructors()[0];
        _createMemory = Expression.Lambda<Func<BetaMemory>>(
            Expression.New(constructor, Expression.Constant(left), Expression.Constant(right), Expression.Constant(new SizeHint(4096)))).Compile();
    }

    public LambdaExpression? LeftKeyExpression { get; }

    public LambdaExpression? RightKeyExpression { get; }

    public LambdaExpression? ResidualExpression { get; }

    public Func<Token, Fact, bool>? Residual { get; }

    public bool IsIndexed => LeftKeyExpression is not null;

    public BetaMemory CreateMemory() => _createMemory();

    public bool SameAs(JoinConditions other) =>
        ExpressionEquality.AreEqual(LeftKeyExpression, other.LeftKeyExpression)
        && ExpressionEquality.AreEqual(RightKeyExpression, other.RightKeyExpression)
        && ExpressionEquality.AreEqual(ResidualExpression, other.ResidualExpression);

    public string Describe() =>
        IsIndexed
            ? $"key {LeftKeyExpression!.Body} == {RightKeyExpression!.Body}" + (ResidualExpression is null ? string.Empty : $" and {ResidualExpression.Body}")
            : ResidualExpression?.Body.ToString() ?? "true";
}
