namespace CampaignFlow.Server.Api.Bodies;

/// <summary>What a request body holds, decided by its Content-Type.</summary>
public enum BodyKind
{
    /// <summary><c>application/json</c> (or <c>+json</c>).</summary>
    Json,

    /// <summary><c>application/yaml</c>, <c>text/yaml</c>.</summary>
    Yaml,

    /// <summary><c>text/csv</c>.</summary>
    Csv,

    /// <summary>Any text (a plan to validate).</summary>
    Text,
}
