using System.Net;
using CampaignFlow.Server.Tests.Fixtures;

namespace CampaignFlow.Server.Tests.Security;

/// <summary>
/// One server for the authorization table, at 2014-04-15: each of panyu-ftu, mianyang-ftu and
/// weidu-xiguan-street has at least one open violation, and panyu and mianyang each have a document that reviews
/// can refer to.
/// </summary>
public sealed class AuthorizationServer : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2014, 4, 15);

    public CampaignServer Server { get; } = new();

    /// <summary>The id of an open violation of each unit.</summary>
    public Dictionary<string, string> ViolationOf { get; } = [];

    public async Task InitializeAsync()
    {
        var admin = Server.As(TestTokens.Admin);
        foreach (var (unit, document) in new[]
        {
            ("panyu-ftu", """{ "key": "auth-doc", "document": "meeting-plan", "on": "2014-04-14", "author": "guo-jianwen" }"""),
            ("mianyang-ftu", """{ "key": "auth-doc", "document": "research-report", "on": "2014-04-14", "author": "zhang-jianguo" }"""),
        })
        {
            await (await admin.PostAsync($"/units/{unit}/documents", ApiJson.Json(document))).ReadAsync(HttpStatusCode.Created);
        }

        await Server.MoveToEndOfAsync(Today);
        foreach (var unit in new[] { "panyu-ftu", "mianyang-ftu", "weidu-xiguan-street" })
        {
            var page = await admin.GetJsonAsync($"/violations?unit={unit}&status=open&limit=1");
            ViolationOf[unit] = page.GetProperty("items")[0].GetProperty("id").GetString()!;
        }
    }

    public Task DisposeAsync()
    {
        Server.Dispose();
        return Task.CompletedTask;
    }
}
