using CampaignFlow.Server.Hosting;

namespace CampaignFlow.Server.Tests.Hosting;

public sealed class ServerCommandLineTests
{
    [Fact]
    public void Every_documented_switch_becomes_its_configuration_key()
    {
        var line = ServerCommandLine.Parse(["--definitions", "defs", "--data=/tmp/d", "--store", "postgres", "--connection", "Host=x", "--urls", "http://127.0.0.1:6000", "--demo", "--demo-day-ms", "50", "--rules-engine", "nrules", "--time-zone", "Asia/Urumqi", "--partitions", "128", "--partition-lease-seconds", "15"]);

        line.Errors.ShouldBeEmpty();
        line.Settings["CampaignFlow:Definitions"].ShouldBe("defs");
        line.Settings["CampaignFlow:Data"].ShouldBe("/tmp/d");
        line.Settings["CampaignFlow:Store"].ShouldBe("postgres");
        line.Settings["ConnectionStrings:CampaignFlow"].ShouldBe("Host=x");
        line.Settings["urls"].ShouldBe("http://127.0.0.1:6000");
        line.Settings["CampaignFlow:Demo"].ShouldBe("true");
        line.Settings["CampaignFlow:DemoDayMilliseconds"].ShouldBe("50");
        line.Settings["CampaignFlow:RulesEngine"].ShouldBe("nrules");
        line.Settings["CampaignFlow:TimeZone"].ShouldBe("Asia/Urumqi");
        line.Settings["CampaignFlow:Partitions"].ShouldBe("128");
        line.Settings["CampaignFlow:PartitionLeaseSeconds"].ShouldBe("15");
    }

    [Theory]
    [InlineData(new[] { "--definitons", "x" }, "unknown option '--definitons'")]
    [InlineData(new[] { "--data" }, "--data needs a value")]
    [InlineData(new[] { "--data", "--demo" }, "--data needs a value")]
    [InlineData(new[] { "--demo=maybe" }, "--demo takes no value")]
    [InlineData(new[] { "serve" }, "unexpected argument 'serve'")]
    [InlineData(new[] { "--definitons=x" }, "unknown option '--definitons'")]
    public void A_mistake_is_one_line_naming_it(string[] args, string expected)
    {
        var line = ServerCommandLine.Parse(args);

        line.Errors.Count.ShouldBe(1);
        line.Errors[0].ShouldContain(expected);
    }

    [Fact]
    public void What_WebApplicationFactory_passes_is_accepted()
    {
        var line = ServerCommandLine.Parse(["--environment=Development", "--contentRoot=/src/app", "--applicationName=CampaignFlow.Server", "--CampaignFlow=", "--CampaignFlow:Tokens:0:Role=admin"]);

        line.Errors.ShouldBeEmpty();
        line.Settings["contentRoot"].ShouldBe("/src/app");
        line.Settings["CampaignFlow:Tokens:0:Role"].ShouldBe("admin");
    }
}
