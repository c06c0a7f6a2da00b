namespace CampaignFlow.Workflows.Activities;

/// <summary>What a <see cref="Window"/> does with work still open when it closes.</summary>
public enum WindowCloseMode
{
    /// <summary>
    /// Default. The open work is cancelled (bookmarks and timers removed, journalled as
    /// <c>ActivityCancelled</c>, with a note listing what was still waiting) and the window completes with
    /// outcome <c>closed</c>.
    /// </summary>
    Cancel,

    /// <summary>
    /// The open work goes on; the window notes what was still waiting, and completes with outcome
    /// <c>completed-late</c> when its body finishes.
    /// </summary>
    Flag,
}
