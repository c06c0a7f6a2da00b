namespace CampaignFlow.Campaigns.Migrating;

/// <summary>A migration refused before anything was written: what was asked cannot be done, or would lose progress unaccepted.</summary>
public sealed class MigrationRefusedException : Exception
{
    /// <summary>A refusal with its code and messages.</summary>
    /// <param name="code"><c>unknown-version</c>, <c>unit-not-on-plan</c>, <c>version-run-before</c> or <c>lost-progress</c>.</param>
    /// <param name="messageZh">Why, in Chinese.</param>
    /// <param name="messageEn">Why, in English.</param>
    /// <param name="forecast">For <c>lost-progress</c>, the dry run that found it; otherwise null.</param>
    /// <param name="arguments">The values the messages name, in their order (a host words them in its own catalogue).</param>
    public MigrationRefusedException(string code, string messageZh, string messageEn, PlanMigration? forecast = null, IReadOnlyList<string>? arguments = null)
        : base(messageEn)
    {
        Arguments = arguments ?? [];
        Code = code;
        MessageZh = messageZh;
        MessageEn = messageEn;
        Forecast = forecast;
    }

    /// <summary>What kind of refusal.</summary>
    public string Code { get; }

    /// <summary>Why, in Chinese.</summary>
    public string MessageZh { get; }

    /// <summary>Why, in English.</summary>
    public string MessageEn { get; }

    /// <summary>The values the messages name, in their order.</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The dry run that found lost progress, or null.</summary>
    public PlanMigration? Forecast { get; }
}
