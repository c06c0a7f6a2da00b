using System.Text.Encodings.Web;
using System.Text.Json;

namespace CampaignFlow.Campaigns.Storage;

/// <summary>
/// The JSON form of a plan version's files, the same in every store that keeps them as one document:
/// an array of <c>{"path": …, "text": …}</c> in the published order, Chinese written as itself (readable in SQL tools).
/// </summary>
public static class PlanSourceFileJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The files as a JSON array.</summary>
    /// <param name="files">The files, in order.</param>
    public static string Write(IReadOnlyList<PlanSourceFile> files) => JsonSerializer.Serialize(files, Options);

    /// <summary>The files of a JSON array written by <see cref="Write"/>.</summary>
    /// <param name="json">The array.</param>
    /// <exception cref="JsonException">The text is not such an array.</exception>
    public static IReadOnlyList<PlanSourceFile> Read(string json) =>
        JsonSerializer.Deserialize<PlanSourceFile[]>(json, Options) ?? throw new JsonException("A plan version's files must be a JSON array, not null.");
}
