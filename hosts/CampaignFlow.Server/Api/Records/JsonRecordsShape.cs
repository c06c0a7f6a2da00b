using System.Text.Json;

namespace CampaignFlow.Server.Api.Records;

/// <summary>
/// Whether a JSON body is records at all — an object, or an array of objects — before the campaign service reads
/// them. Syntax errors are left to the service, which reports them at line:column.
/// </summary>
public static class JsonRecordsShape
{
    /// <summary>False when <paramref name="json"/> is well-formed but is not an object or an array of objects.</summary>
    /// <param name="json">The body.</param>
    public static bool IsRecords(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            return root.ValueKind == JsonValueKind.Object
                   || (root.ValueKind == JsonValueKind.Array && root.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Object));
        }
        catch (JsonException)
        {
            return true;
        }
    }
}
