using System.Globalization;
using System.Text.Json;
using CampaignFlow.Cli.Output;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Cli.Migrating;

/// <summary>
/// A migration's answer (<c>POST /plans/{id}/migrations</c>) for people: per unit, the plan's changes, the violations
/// that would open and resolve, the gates to pass again and the progress lost, each in the reader's language.
/// </summary>
internal static class MigrationText
{
    public static void Write(TextWriter output, TextWriter error, JsonElement migration, CultureInfo culture)
    {
        var chinese = MessageTemplates.IsChinese(culture);
        var planId = migration.GetProperty("planId").GetString()!;
        var toVersion = migration.GetProperty("toVersion").GetInt32();
        var units = migration.GetProperty("units").EnumerateArray().ToArray();
        if (units.Length == 0)
        {
            output.WriteLine(CliMessages.Text("migrate-nothing", culture, planId, CliMessages.N(toVersion)));
            return;
        }

        foreach (var unit in units)
        {
            output.WriteLine(CliMessages.Text("migrate-unit", culture, unit.GetProperty("unitName").GetString()!, unit.GetProperty("unitId").GetString()!,
                CliMessages.N(unit.GetProperty("fromVersion").GetInt32()), CliMessages.N(toVersion)));
            Section(output, "migrate-changes", unit.GetProperty("changes"), culture, chinese);
            Section(output, "migrate-opening", unit.GetProperty("opening"), culture, chinese);
            Section(output, "migrate-resolving", unit.GetProperty("resolving"), culture, chinese);
            Section(output, "migrate-gates", unit.GetProperty("gatesReopening"), culture, chinese);
            Section(output, "migrate-lost", unit.GetProperty("lostProgress"), culture, chinese);
        }

        if (migration.GetProperty("applied").GetBoolean())
        {
            error.WriteLine(CliMessages.Text("migrate-applied", culture, CliMessages.N(units.Length), planId, CliMessages.N(toVersion)));
            return;
        }

        error.WriteLine(CliMessages.Text("migrate-dry-run", culture, CliMessages.N(units.Length), CliMessages.N(toVersion)));
        var losing = units.Count(u => u.GetProperty("lostProgress").GetArrayLength() > 0);
        if (losing > 0)
        {
            error.WriteLine(CliMessages.Text("migrate-dry-run-lost", culture, CliMessages.N(losing)));
        }
    }

    private static void Section(TextWriter output, string title, JsonElement items, CultureInfo culture, bool chinese)
    {
        output.WriteLine(CliMessages.Text(title, culture));
        if (items.GetArrayLength() == 0)
        {
            output.WriteLine(CliMessages.Text("migrate-none", culture));
            return;
        }

        foreach (var item in items.EnumerateArray())
        {
            output.WriteLine("    " + item.GetProperty(chinese ? "messageZh" : "messageEn").GetString());
        }
    }
}
