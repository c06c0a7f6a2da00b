using CampaignFlow.Workflows.Instances;

namespace CampaignFlow.Workflows.Activities;

/// <summary>
/// Waits for one signal with key (<see cref="SignalName"/>, correlation) and completes with the signal's outcome.
/// </summary>
/// <remarks>
/// The correlation is <see cref="Correlation"/> with <c>{correlation}</c> replaced by the instance's
/// correlation key; when null, it is the instance's correlation key itself. So one definition serves many
/// instances: <c>new WaitForSignal("doc-accepted", "accepted", "{correlation}/doc")</c>.
/// </remarks>
/// <param name="id">Stable id.</param>
/// <param name="signalName">The awaited signal's name.</param>
/// <param name="correlation">Correlation template; null means the instance's correlation key.</param>
public class WaitForSignal(string id, string signalName, string? correlation = null) : Activity(id)
{
    /// <summary>The awaited signal's name.</summary>
    public string SignalName { get; } = signalName;

    /// <summary>The correlation template.</summary>
    public string? Correlation { get; } = correlation;

    /// <summary>The kind of bookmark created.</summary>
    protected virtual BookmarkKind Kind => BookmarkKind.Signal;

    /// <inheritdoc />
    protected override void OnStart(ActivityContext context) =>
        context.CreateBookmark(SignalName, ResolveCorrelation(Correlation, context), Kind);

    /// <summary>Expands a correlation template for one instance.</summary>
    public static string ResolveCorrelation(string? template, ActivityContext context) =>
        template is null ? context.CorrelationKey
        : template.Contains("{correlation}", StringComparison.Ordinal) ? template.Replace("{correlation}", context.CorrelationKey, StringComparison.Ordinal)
        : template;
}
