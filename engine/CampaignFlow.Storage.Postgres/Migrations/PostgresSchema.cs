using System.Text.RegularExpressions;

namespace CampaignFlow.Storage.Postgres.Migrations;

/// <summary>
/// A validated PostgreSQL schema name. Store SQL is built once with the schema spliced in, so the name is
/// restricted to plain lower-case identifiers that need no quoting tricks and cannot carry SQL.
/// </summary>
internal static partial class PostgresSchema
{
    /// <summary>Returns the name, quoted for SQL, or throws when it is not a plain identifier.</summary>
    public static string Quote(string schema)
    {
        ArgumentException.ThrowIfNullOrEmpty(schema);
        if (!Identifier().IsMatch(schema))
        {
            throw new ArgumentException($"Schema name '{schema}' must match [a-z_][a-z0-9_]{{0,62}}.", nameof(schema));
        }

        return "\"" + schema + "\"";
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
