using System.Text.Encodings.Web;
using CampaignFlow.Server.Api.Problems;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CampaignFlow.Server.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer TOKEN</c> against <see cref="TokenRegistry"/> (by hash). A missing or
/// unknown token is answered 401 with a problem document in the caller's language.
/// </summary>
internal sealed class BearerTokenHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    TokenRegistry registry,
    ApiProblems problems) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || header.Length <= "Bearer ".Length)
        {
            return Task.FromResult(AuthenticateResult.Fail("the Authorization header is not 'Bearer TOKEN'"));
        }

        if (registry.Find(header["Bearer ".Length..].Trim()) is not { } grant)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown token"));
        }

        Context.Items[typeof(TokenGrant)] = grant;
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(Caller.Principal(grant, SchemeName), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync().ConfigureAwait(false);
        Response.Headers.WWWAuthenticate = "Bearer";
        var code = result.Failure is null ? "token-missing" : "token-invalid";
        await problems.Write(Context, StatusCodes.Status401Unauthorized, code).ExecuteAsync(Context).ConfigureAwait(false);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        problems.Write(Context, StatusCodes.Status403Forbidden, "forbidden-role", (Context.Items[typeof(TokenGrant)] as TokenGrant)?.Name ?? "?").ExecuteAsync(Context);
}
