using System.Globalization;
using System.Text.Json;
using CampaignFlow.Campaigns.Recording;
using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Campaigns.Migrating;

/// <summary>
/// A unit's migration as an entry of its record log (docs/adr/0026): stored under the unit's locks before anything
/// else the migration writes, so every host that reads the unit's records after it — a session's catch-up or rebuild,
/// on whichever host owns the unit — learns of the move in order with the records, and a crash after it leaves a
/// decision that the next reader carries out. It is no record of the unit's work: nothing judges, lists or hands it on.
/// </summary>
/// <param name="PlanId">The plan the unit runs.</param>
/// <param name="FromVersion">The version it left.</param>
/// <param name="ToVersion">The version it moves to.</param>
/// <param name="By">Who moved it.</param>
internal sealed record MigrationMark(string PlanId, int FromVersion, int ToVersion, string By)
{
    /// <summary>The <see cref="StoredRecord.Type"/> of a mark.</summary>
    public const string Type = "migration";

    /// <summary>
    /// The <see cref="StoredRecord.Kind"/> of every mark: not a word of any vocabulary (ids hold no <c>@</c>), so a body
    /// reading its units' records by kind never reads one, and all marks are one indexed read.
    /// </summary>
    public const string Kind = "@migration";

    /// <summary>True for a mark, false for a record of the unit's work.</summary>
    public static bool Is(StoredRecord stored) => stored.Type == Type;

    /// <summary>The unit's records without its marks: what its rules, its pages and the bodies above it read.</summary>
    public static IEnumerable<StoredRecord> Without(IEnumerable<StoredRecord> stored) => stored.Where(r => !Is(r));

    /// <summary>The unit's records without its marks, decoded: what its rules judge.</summary>
    public static IEnumerable<UnitRecord> Decoded(IEnumerable<StoredRecord> stored) => Without(stored).Select(RecordCodec.Decode);

    /// <summary>The unit's records without its marks, decoded, each with its kind: what the bodies above it are handed.</summary>
    public static IEnumerable<(string Kind, UnitRecord Record)> DecodedByKind(IEnumerable<StoredRecord> stored) =>
        Without(stored).Select(r => (r.Kind, RecordCodec.Decode(r)));

    /// <summary>The last mark among <paramref name="stored"/> (in sequence order), or null.</summary>
    public static MigrationMark? Last(IReadOnlyList<StoredRecord> stored)
    {
        for (var i = stored.Count - 1; i >= 0; i--)
        {
            if (Is(stored[i]))
            {
                return Decode(stored[i]);
            }
        }

        return null;
    }

    /// <summary>
    /// The key of the mark that moves a unit to <paramref name="toVersion"/> of <paramref name="planId"/>. It starts
    /// with a control character, which no client's record key may hold, so no record of a unit can take it; a unit
    /// never goes back to a version it ran (ADR 0015), so the key is the move's.
    /// </summary>
    public static string KeyOf(string planId, int toVersion) =>
        $"\u001fmigration/{planId}@{toVersion.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The mark as the record store keeps it, for <paramref name="unit"/>, at <paramref name="at"/>.</summary>
    public StoredRecord Encode(string unit, DateTimeOffset at)
    {
        var payload = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["type"] = Type,
            ["plan"] = PlanId,
            ["from"] = FromVersion,
            ["to"] = ToVersion,
            ["by"] = By,
        });
        return new StoredRecord(unit, KeyOf(PlanId, ToVersion), Type, Kind, DateOnly.FromDateTime(at.UtcDateTime), payload, at, By);
    }

    /// <summary>The mark a stored one says.</summary>
    /// <exception cref="FormatException">It is not a mark this type wrote.</exception>
    public static MigrationMark Decode(StoredRecord stored)
    {
        using var document = JsonDocument.Parse(stored.Payload);
        var json = document.RootElement;
        try
        {
            return new MigrationMark(json.GetProperty("plan").GetString()!, json.GetProperty("from").GetInt32(), json.GetProperty("to").GetInt32(), json.GetProperty("by").GetString() ?? "");
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"Stored record '{stored.Key}' of unit '{stored.Unit}' is not a migration.", e);
        }
    }
}
