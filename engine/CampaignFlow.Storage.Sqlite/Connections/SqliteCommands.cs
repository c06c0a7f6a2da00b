using Microsoft.Data.Sqlite;

namespace CampaignFlow.Storage.Sqlite.Connections;

/// <summary>Commands on a store's connection, inside its write transaction or (for reads) outside any.</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>A value for a nullable column.</summary>
    public static object Nullable(string? value) => (object?)value ?? DBNull.Value;

    public static string? GetNullableString(this SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
