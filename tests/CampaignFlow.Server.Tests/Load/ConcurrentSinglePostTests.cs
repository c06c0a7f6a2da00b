using System.Net;
using System.Text.Json;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Load;

/// <summary>
/// Single-record posts sent at once — to the same unit and to different ones — are recorded in groups (issue 13):
/// they must give exactly the records, violations and answers that the same posts sent one after another give; a bad
/// record among them is refused alone; and a cancelled post is never acknowledged for a record that was not stored.
/// The records are the seed units' own logs (definitions/activities), one record a post.
/// </summary>
public sealed class ConcurrentSinglePostTests
{
    // Every weekly period of March and April has closed: the units' weekly minimums are open violations that the
    // posts resolve.
    private static readonly DateOnly Start = new(2014, 5, 1);

    [Fact]
    public async Task Concurrent_single_posts_give_the_records_violations_and_answers_of_sequential_posts()
    {
        var posts = SeedPosts();
        // Some records sent twice: one of the two stores it, the other is a duplicate.
        var twice = posts.Where((_, i) => i % 7 == 0).ToArray();

        using var concurrent = await StartedAsync();
        var many = concurrent.As(TestTokens.Admin);
        var all = posts.Concat(twice).ToArray();
        var atOnce = await Task.WhenAll(all.Select(post => PostAsync(many, post)));

        // Sent at once, a unit's posts are taken in some order, and what a post opens or resolves may depend on it (the
        // third method of opinion collection resolves the coverage the first two left open). So the same posts are sent
        // one after another in the order the concurrent server stored them, the second copies last.
        var stored = new Dictionary<(string, string), long>();
        foreach (var unit in posts.Select(p => p.Unit).Distinct())
        {
            foreach (var record in (await concurrent.Campaigns.Service.ReadRecordsAsync(unit)).ShouldNotBeNull())
            {
                stored[(unit, record.Key)] = record.Sequence;
            }
        }

        using var sequential = await StartedAsync();
        var one = sequential.As(TestTokens.Admin);
        var inTurn = new List<(SeedPost Post, PostAnswer Answer)>();
        foreach (var post in posts.OrderBy(p => stored[(p.Unit, p.Key)]).Concat(twice))
        {
            inTurn.Add((post, await PostAsync(one, post)));
        }

        // The same answers, post by post: of a record sent twice, one copy inserted and the other a duplicate either way.
        Answers(all.Zip(atOnce)).ShouldBe(Answers(inTurn));
        atOnce.Count(a => a.Status == HttpStatusCode.Created).ShouldBe(posts.Count);
        atOnce.Count(a => a.Status == HttpStatusCode.OK).ShouldBe(twice.Length);
        atOnce.SelectMany(a => a.Resolved).ShouldNotBeEmpty("the posts resolve the minimums of the periods they record");

        // The same store: every record, and every violation with its status and evidence.
        foreach (var unit in posts.Select(p => p.Unit).Distinct())
        {
            (await StoredAsync(concurrent, unit)).ShouldBe(await StoredAsync(sequential, unit), unit);
            (await ViolationsAsync(many, unit)).ShouldBe(await ViolationsAsync(one, unit), unit);
        }
    }

    private static string[] Answers(IEnumerable<(SeedPost Post, PostAnswer Answer)> answers) =>
        [.. answers.Select(a => $"{a.Post.Unit}/{a.Post.Key} {a.Answer.Summary}").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task A_bad_post_among_concurrent_good_ones_gets_its_own_4xx_and_the_others_are_stored()
    {
        using var server = await StartedAsync();
        var admin = server.As(TestTokens.Admin);
        var posts = SeedPosts();
        var good = posts.Skip(1).ToArray();
        // A record stored before the rush, then sent again with other content: a conflict.
        var first = posts[0];
        (await PostAsync(admin, first)).Status.ShouldBe(HttpStatusCode.Created);
        var changed = first.Record.DeepClone().AsObject();
        changed["on"] = "2014-04-30";

        var bad = new (string Name, string Path, string Json, HttpStatusCode Status, string Code)[]
        {
            ("conflict", $"/units/{first.Unit}/records", changed.ToJsonString(), HttpStatusCode.Conflict, "records-conflict"),
            ("unknown person", "/units/panyu-ftu/records", """{ "key": "rush-nobody", "activity": "concentrated-study", "on": "2014-04-01", "hours": "半天", "participants": ["no-such-person"] }""",
                HttpStatusCode.UnprocessableEntity, "records-invalid"),
            ("malformed", "/units/mianyang-ftu/records", """{ "key": "rush-broken", "activity": """, HttpStatusCode.BadRequest, "malformed-json"),
            ("an activity sent as a document", "/units/panyu-ftu/documents", """{ "key": "rush-not-a-document", "activity": "concentrated-study", "on": "2014-04-01", "hours": "半天", "participants": ["su-zhibang"] }""",
                HttpStatusCode.UnprocessableEntity, "record-type-not-here"),
        };

        var goodAnswers = good.Select(post => PostAsync(admin, post)).ToArray();
        var badAnswers = bad.Select(async b => (b, await admin.PostAsync(b.Path, ApiJson.Json(b.Json)))).ToArray();
        await Task.WhenAll(goodAnswers);
        await Task.WhenAll(badAnswers);

        foreach (var answer in goodAnswers.Select(a => a.Result))
        {
            answer.Status.ShouldBe(HttpStatusCode.Created, answer.Summary);
        }

        foreach (var (b, response) in badAnswers.Select(a => a.Result))
        {
            var problem = await response.ReadAsync(b.Status);
            problem.GetProperty("code").GetString().ShouldBe(b.Code, b.Name);
        }

        foreach (var post in good)
        {
            (await server.Campaigns.Stores.Records.GetAsync(post.Unit, post.Key)).ShouldNotBeNull(post.Key);
        }

        (await server.Campaigns.Stores.Records.GetAsync("panyu-ftu", "rush-nobody")).ShouldBeNull();
        (await server.Campaigns.Stores.Records.GetAsync("mianyang-ftu", "rush-broken")).ShouldBeNull();
        (await server.Campaigns.Stores.Records.GetAsync("panyu-ftu", "rush-not-a-document")).ShouldBeNull();
        (await server.Campaigns.Stores.Records.GetAsync(first.Unit, first.Key)).ShouldNotBeNull().Payload.ShouldNotContain("2014-04-30");
    }

    [Fact]
    public async Task A_cancelled_post_is_never_acknowledged_and_every_acknowledged_record_is_stored()
    {
        using var server = await StartedAsync();
        var admin = server.As(TestTokens.Admin);
        var posts = SeedPosts();
        var random = new Random(13);
        var sent = posts.Select(async (post, i) =>
        {
            using var cancel = new CancellationTokenSource();
            if (i % 2 == 1)
            {
                cancel.CancelAfter(TimeSpan.FromMilliseconds(random.Next(0, 20)));
            }

            try
            {
                using var response = await admin.PostAsync($"/units/{post.Unit}/records", ApiJson.Json(post.Json), cancel.Token);
                return (post, Status: (HttpStatusCode?)response.StatusCode, Cancelled: i % 2 == 1);
            }
            catch (OperationCanceledException)
            {
                return (post, Status: (HttpStatusCode?)null, Cancelled: i % 2 == 1);
            }
        }).ToArray();
        var answers = await Task.WhenAll(sent);

        // Posts nobody cancelled are stored whatever their neighbours did.
        answers.Where(a => !a.Cancelled).ShouldAllBe(a => a.Status == HttpStatusCode.Created);
        answers.Count(a => a.Status is null).ShouldBeGreaterThan(0, "some posts were cancelled before their answer");

        // Every acknowledged record is in the store: sent again, it is a duplicate. A cancelled one may or may not be.
        foreach (var (post, status, _) in answers)
        {
            var again = await PostAsync(admin, post);
            if (status == HttpStatusCode.Created)
            {
                again.Status.ShouldBe(HttpStatusCode.OK, post.Key);
            }
            else
            {
                again.Status.ShouldBeOneOf(HttpStatusCode.OK, HttpStatusCode.Created);
            }
        }
    }

    private static async Task<CampaignServer> StartedAsync()
    {
        var server = new CampaignServer(start: Start);
        await server.TickAsync();
        return server;
    }

    private static List<SeedPost> SeedPosts() => Fixtures.SeedPosts.Activities(new DateOnly(2014, 3, 1), Start);

    private static async Task<PostAnswer> PostAsync(HttpClient client, SeedPost post)
    {
        using var response = await client.PostAsync($"/units/{post.Unit}/records", ApiJson.Json(post.Json));
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            return new PostAnswer(response.StatusCode, $"{post.Unit}/{post.Key}: {(int)response.StatusCode} {text}", []);
        }

        using var answer = JsonDocument.Parse(text);
        var root = answer.RootElement;
        var outcomes = root.GetProperty("records").EnumerateArray().Select(r => $"{r.GetProperty("key").GetString()}={r.GetProperty("result").GetString()}");
        var opened = root.GetProperty("opened").Strings("id").Order(StringComparer.Ordinal).ToArray();
        var resolved = root.GetProperty("resolved").Strings("id").Order(StringComparer.Ordinal).ToArray();
        // The sequence numbers are the store's order of arrival, which concurrent posts do not fix; everything else is compared.
        return new PostAnswer(response.StatusCode,
            $"{post.Unit}: {(int)response.StatusCode} inserted {root.GetProperty("inserted").GetInt32()} duplicates {root.GetProperty("duplicates").GetInt32()} " +
            $"[{string.Join(", ", outcomes)}] opened [{string.Join(", ", opened)}] resolved [{string.Join(", ", resolved)}]",
            resolved);
    }

    private static async Task<string[]> StoredAsync(CampaignServer server, string unit) =>
        [.. (await server.Campaigns.Service.ReadRecordsAsync(unit)).ShouldNotBeNull().Select(r => $"{r.Key} {r.Payload}").Order(StringComparer.Ordinal)];

    private static async Task<string[]> ViolationsAsync(HttpClient client, string unit)
    {
        var page = await client.GetJsonAsync($"/violations?unit={unit}&limit=1000");
        return [.. page.GetProperty("items").EnumerateArray()
            .Select(v => $"{v.GetProperty("id").GetString()} {v.GetProperty("status").GetString()} {v.GetProperty("evidence").GetRawText()}")
            .Order(StringComparer.Ordinal)];
    }

    private sealed record PostAnswer(HttpStatusCode Status, string Summary, string[] Resolved);
}
