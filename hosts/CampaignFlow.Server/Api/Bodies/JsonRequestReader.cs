using System.Text.Json;

namespace CampaignFlow.Server.Api.Bodies;

/// <summary>
/// Binds a small JSON request body (a migration, a plan step's comment) to its input type. The serializer's own
/// message for a value of the wrong type names the server's types (<c>IReadOnlyList`1[System.String]</c>) and calls
/// it malformed; parsing first tells the two apart, so a caller is told which field is wrong, and where.
/// </summary>
public static class JsonRequestReader
{
    /// <summary>The body bound to <typeparamref name="T"/>, or why it could not be.</summary>
    /// <typeparam name="T">The input type.</typeparam>
    /// <param name="text">The body.</param>
    /// <param name="options">The serializer's options.</param>
    /// <param name="value">The bound value (null for a JSON <c>null</c>).</param>
    /// <param name="error">Why the body could not be bound, or null.</param>
    /// <returns>True when bound.</returns>
    public static bool TryRead<T>(string text, JsonSerializerOptions options, out T? value, out JsonRequestError? error)
    {
        ArgumentNullException.ThrowIfNull(options);
        value = default;
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = options.MaxDepth is 0 ? 64 : options.MaxDepth });
        }
        catch (JsonException e)
        {
            error = new JsonRequestError(true, Line(e), Column(e), e.Message);
            return false;
        }

        try
        {
            value = JsonSerializer.Deserialize<T>(text, options);
            error = null;
            return true;
        }
        catch (JsonException e)
        {
            error = new JsonRequestError(false, Line(e), Column(e), Field(e.Path));
            return false;
        }
    }

    private static int Line(JsonException e) => (int)(e.LineNumber ?? 0) + 1;

    private static int Column(JsonException e) => (int)(e.BytePositionInLine ?? 0) + 1;

    // "$.units[0]" names the field as a caller wrote it; the document itself ("$") is named as it is.
    private static string Field(string? path) => path is { Length: > 2 } && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path ?? "$";
}
