using System.Net;

namespace CampaignFlow.Cli.Tests;

/// <summary>
/// <c>campaignflow import</c> against a server that is busy or failing: a 503 or 429 is waited out and the same batch
/// sent again, within bounds; a 500, or a server still busy after them, stops the run with exit code 4 and what was
/// done so far — never a file of records each called refused.
/// </summary>
public sealed class ImportServerFailureTests : IDisposable
{
    private const string Server = "http://localhost";
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("campaignflow-cli-import-stub-");
    private readonly string _csv;

    public ImportServerFailureTests()
    {
        _csv = Path.Combine(_folder.FullName, "three.csv");
        File.WriteAllText(_csv, "key,activity,on,hours\na,concentrated-study,2014-03-03,1h\nb,concentrated-study,2014-03-04,1h\nc,concentrated-study,2014-03-05,1h\n");
    }

    [Fact]
    public void A_server_still_starting_is_waited_for_and_gets_the_same_batch_again()
    {
        using var server = new StubServer((n, _) => n < 2 ? StubServer.Problem(HttpStatusCode.ServiceUnavailable, "service-starting", retryAfterSeconds: 0) : StubServer.Stored(3));

        var run = CliRun.Against(server, null, "import", _csv, "--unit", "panyu-ftu", "--server", Server, "--token", "t", "--batch", "100", "--lang", "en");

        run.ExitCode.ShouldBe(0, run.Output + run.Error);
        server.Bodies.Count.ShouldBe(3);
        server.Bodies.Distinct().Count().ShouldBe(1, "each retry sends the same batch");
        run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe([
            "the server is busy or starting (status 503); sending the same batch again in 0 s (retry 1).",
            "the server is busy or starting (status 503); sending the same batch again in 0 s (retry 2).",
        ]);
        run.Output.Trim().ShouldBe($"{_csv} → panyu-ftu: 3 record(s) read, 3 stored, 0 already stored (duplicates), 0 refused");
    }

    [Fact]
    public void A_failing_server_stops_the_run_at_the_first_answer_with_exit_code_4()
    {
        using var server = new StubServer((_, _) => StubServer.Problem(HttpStatusCode.InternalServerError, "boom"));

        var run = CliRun.Against(server, null, "import", _csv, "--unit", "panyu-ftu", "--server", Server, "--token", "t", "--batch", "100", "--lang", "en");

        run.ExitCode.ShouldBe(4);
        server.Bodies.Count.ShouldBe(1, "a failure of the server is no record's fault: nothing is halved");
        run.Output.ShouldNotContain("refused: ");
        run.Output.Trim().ShouldBe($"{_csv} → panyu-ftu: before the stop, 3 record(s) read, 0 stored, 0 already stored (duplicates), 0 refused");
        run.Error.ShouldStartWith("the server at http://localhost failed to answer (status 500): boom");
        run.Error.ShouldContain("The import stopped");
    }

    [Fact]
    public void A_server_busy_past_the_bound_stops_the_run_with_exit_code_4()
    {
        using var server = new StubServer((_, _) => StubServer.Problem(HttpStatusCode.TooManyRequests, "slow down", retryAfterSeconds: 0));

        var run = CliRun.Against(server, null, "import", _csv, "--unit", "panyu-ftu", "--server", Server, "--token", "t", "--lang", "zh-CN");

        run.ExitCode.ShouldBe(4);
        server.Bodies.Count.ShouldBe(21, "the first request and twenty retries");
        run.Error.ShouldContain("服务器 http://localhost 等待后仍然繁忙或尚在启动（状态 429）：slow down");
        run.Output.ShouldContain("拒绝 0 条");
    }

    [Fact]
    public void A_stop_after_earlier_batches_still_names_their_refused_lines_and_counts()
    {
        const string finding = """{"status":422,"code":"records-invalid","detail":"1 error","diagnostics":[{"severity":"error","line":2,"message":"no such activity"}]}""";
        using var server = new StubServer((n, _) => n switch
        {
            0 => new HttpResponseMessage(HttpStatusCode.UnprocessableEntity) { Content = new StringContent(finding, System.Text.Encoding.UTF8, "application/problem+json") },
            1 => StubServer.Stored(1),
            _ => StubServer.Problem(HttpStatusCode.BadGateway, "upstream"),
        });

        var run = CliRun.Against(server, null, "import", _csv, "--unit", "panyu-ftu", "--server", Server, "--token", "t", "--batch", "2", "--lang", "en");

        run.ExitCode.ShouldBe(4);
        run.Output.Trim().Split('\n').ShouldBe([
            $"{_csv}:2: refused: no such activity",
            $"{_csv} → panyu-ftu: before the stop, 3 record(s) read, 1 stored, 0 already stored (duplicates), 1 refused",
        ]);
        run.Error.ShouldStartWith("the server at http://localhost failed to answer (status 502): upstream");
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
