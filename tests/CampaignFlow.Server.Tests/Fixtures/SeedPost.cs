using System.Text.Json.Nodes;

namespace CampaignFlow.Server.Tests.Fixtures;

/// <summary>One record of a seed unit's log, sent alone to <c>POST /units/{unit}/records</c>.</summary>
/// <param name="Unit">The unit.</param>
/// <param name="Record">The record as the API takes it.</param>
public sealed record SeedPost(string Unit, JsonObject Record)
{
    /// <summary>The record's key.</summary>
    public string Key => Record["key"]!.GetValue<string>();

    /// <summary>The record as JSON text.</summary>
    public string Json => Record.ToJsonString();

    /// <summary>The route it is posted to.</summary>
    public string Path => $"/units/{Unit}/records";
}
