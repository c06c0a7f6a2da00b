using CampaignFlow.Campaigns.Storage;
using CampaignFlow.Storage.Sqlite.Campaigns;
using CampaignFlow.Storage.Sqlite.Tests.Fixtures;
using Microsoft.Data.Sqlite;
using static CampaignFlow.Campaigns.Conformance.CampaignSamples;

namespace CampaignFlow.Storage.Sqlite.Tests.Campaigns;

/// <summary>
/// A query by units either seeks each unit or walks the query order testing units, by the file's statistics
/// (SqliteViolationStore.Choose). Both ways must give what the same query without units gives, filtered: every
/// page, every total, the stream.
/// </summary>
public sealed class ViolationScanChoiceTests : IDisposable
{
    private readonly TemporaryDatabase _database = new();

    [Fact]
    public async Task Pages_totals_and_streams_are_the_same_for_one_unit_a_few_and_nearly_all_once_analysed()
    {
        var units = Enumerable.Range(0, 30).Select(i => $"unit-{i:00}").ToArray();
        await using (var stores = SqliteCampaignStores.Open(_database.Path))
        {
            var violations = units.SelectMany(u => Enumerable.Range(10, 12).Select(week => WeeklyStudy(week, unit: u))).ToList();
            await stores.Violations.ApplyAsync(violations.Select(v => Open(v, T0)).ToList());
            await stores.Violations.ApplyAsync(violations.Where((_, i) => i % 5 == 0).Select(v => Resolve(v, T0.AddDays(3))).ToList());
        }

        // The statistics PRAGMA optimize keeps, taken in full, so the store knows the table holds 360 violations.
        using (var connection = new SqliteConnection($"Data Source={_database.Path}"))
        {
            connection.Open();
            using var analyze = connection.CreateCommand();
            analyze.CommandText = "ANALYZE;";
            analyze.ExecuteNonQuery();
        }

        await using var reopened = SqliteCampaignStores.Open(_database.Path);
        var store = reopened.Violations;
        var everything = (await store.QueryAsync(new ViolationQuery { Limit = 1000 })).Items;
        foreach (var scope in new[] { units[..1], units[3..6], units[1..] })
        {
            foreach (var status in new ViolationStatus?[] { null, ViolationStatus.Open })
            {
                var expected = everything.Where(v => scope.Contains(v.Unit) && (status is null || v.Status == status)).ToList();
                foreach (var (offset, limit) in new[] { (0, 7), (5, 50), (300, 100) })
                {
                    var query = new ViolationQuery { Units = scope, Status = status, Offset = offset, Limit = limit };
                    var page = await store.QueryAsync(query);
                    page.Total.ShouldBe(expected.Count, $"{scope.Length} units, {status}");
                    page.Items.ShouldBe(expected.Skip(offset).Take(limit), $"{scope.Length} units, {status}, offset {offset}");
                }

                var streamed = new List<StoredViolation>();
                await foreach (var v in store.StreamAsync(new ViolationQuery { Units = scope, Status = status }))
                {
                    streamed.Add(v);
                }

                streamed.ShouldBe(expected, $"stream of {scope.Length} units, {status}");
            }
        }
    }

    public void Dispose() => _database.Dispose();
}
