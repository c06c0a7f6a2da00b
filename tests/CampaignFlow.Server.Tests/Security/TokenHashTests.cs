using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Tests.Security;

public sealed class TokenHashTests
{
    [Fact]
    public void The_hash_is_the_sha256_hex_that_sha256sum_prints()
    {
        // printf %s 'demo-admin' | sha256sum
        TokenHash.Of("demo-admin").ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("demo-admin"u8)));
        TokenHash.IsWellFormed(TokenHash.Of("x")).ShouldBeTrue();
        TokenHash.IsWellFormed("abc").ShouldBeFalse();
    }

    [Fact]
    public void New_tokens_are_long_random_and_url_safe()
    {
        var a = TokenHash.NewToken();
        var b = TokenHash.NewToken();

        a.ShouldNotBe(b);
        a.Length.ShouldBeGreaterThan(40);
        a.ShouldAllBe(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-');
    }

    [Fact]
    public void Hash_token_prints_the_hash_of_a_given_token_or_a_new_token_with_its_hash()
    {
        var output = new StringWriter();
        HashTokenCommand.Run(["my-token"], output, TextWriter.Null).ShouldBe(0);
        output.ToString().Trim().ShouldBe(TokenHash.Of("my-token"));

        output = new StringWriter();
        HashTokenCommand.Run([], output, TextWriter.Null).ShouldBe(0);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var token = lines[0]["token: ".Length..].Trim();
        lines[1]["hash:  ".Length..].Trim().ShouldBe(TokenHash.Of(token));

        HashTokenCommand.Run(["a", "b"], TextWriter.Null, new StringWriter()).ShouldBe(2);
    }

    [Theory]
    [InlineData("recorder", null, null, "needs the Unit")]
    [InlineData("reviewer", "panyu-ftu", null, "needs the Group")]
    [InlineData("superuser", null, null, "is not one of auditor, recorder, reviewer, admin")]
    [InlineData("1", null, null, "is not one of")]
    public void A_misconfigured_token_is_refused_with_the_reason(string role, string? unit, string? supervisor, string expected)
    {
        var configured = new ConfiguredToken { Name = "x", Hash = TokenHash.Of("x"), Role = role, Unit = unit, Supervisor = supervisor };

        configured.ToGrant(3, out var problem).ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain("CampaignFlow:Tokens:3 (x)");
        problem.ShouldContain(expected);
    }

    [Fact]
    public void A_plain_token_in_place_of_its_hash_is_refused()
    {
        new ConfiguredToken { Hash = "t-admin", Role = "admin" }.ToGrant(0, out var problem).ShouldBeNull();
        problem.ShouldNotBeNull().ShouldContain("hash-token");
    }
}
