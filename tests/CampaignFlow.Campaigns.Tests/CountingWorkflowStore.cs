using System.Collections.Concurrent;
using System.Reflection;
using CampaignFlow.Workflows.Persistence;

namespace CampaignFlow.Campaigns.Tests;

/// <summary>A workflow store that counts the calls made to it by method name and passes each to the store it wraps.</summary>
public class CountingWorkflowStore : DispatchProxy
{
    private IWorkflowStore _inner = null!;

    /// <summary>The calls so far, by method name.</summary>
    public ConcurrentDictionary<string, int> Calls { get; } = new(StringComparer.Ordinal);

    /// <summary>A store counting its calls, the counter, around <paramref name="inner"/>.</summary>
    public static (IWorkflowStore Store, CountingWorkflowStore Counter) Wrap(IWorkflowStore inner)
    {
        var store = Create<IWorkflowStore, CountingWorkflowStore>();
        var counter = (CountingWorkflowStore)(object)store;
        counter._inner = inner;
        return (store, counter);
    }

    /// <summary>The count of calls to <paramref name="method"/>.</summary>
    public int Count(string method) => Calls.GetValueOrDefault(method);

    /// <inheritdoc />
    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        Calls.AddOrUpdate(targetMethod.Name, 1, (_, n) => n + 1);
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
