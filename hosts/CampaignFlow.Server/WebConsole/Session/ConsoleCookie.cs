using System.Security.Claims;
using CampaignFlow.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace CampaignFlow.Server.WebConsole.Session;

/// <summary>
/// The console's sign-in cookie: issued for a token the API accepts, carrying the token's hash and its role and scope
/// claims (never the token). On every request the hash is looked up in <see cref="TokenRegistry"/> again and the grant
/// put where the bearer handler puts it, so pages check rights with the API's own <see cref="Caller"/>, and a token
/// taken out of the configuration signs its cookies out.
/// </summary>
public static class ConsoleCookie
{
    /// <summary>The authentication scheme.</summary>
    public const string Scheme = "Console";

    /// <summary>The cookie's name.</summary>
    public const string CookieName = "cf-console";

    /// <summary>The claim holding the token's SHA-256.</summary>
    public const string TokenHashClaim = "campaignflow:token-hash";

    /// <summary>The claim holding the recorder's unit.</summary>
    public const string UnitClaim = "campaignflow:unit";

    /// <summary>The claim holding the auditor's body.</summary>
    public const string BodyClaim = "campaignflow:body";

    /// <summary>The claim holding the reviewer's group id.</summary>
    public const string GroupClaim = "campaignflow:group";

    /// <summary>The claim holding the reviewer's supervisor name.</summary>
    public const string SupervisorClaim = "campaignflow:supervisor";

    /// <summary>Where an anonymous reader is sent.</summary>
    public const string SignInPath = "/console/sign-in";

    /// <summary>The policy of every console page but sign-in: a reader signed in with the cookie.</summary>
    public static AuthorizationPolicy Policy { get; } = new AuthorizationPolicyBuilder(Scheme).RequireAuthenticatedUser().Build();

    /// <summary>Configures the cookie.</summary>
    /// <param name="options">The cookie options.</param>
    public static void Configure(CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Cookie.Name = CookieName;
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        // Secure when the request came over HTTPS; the README's server listens on plain http://127.0.0.1.
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.Cookie.Path = "/";
        options.LoginPath = SignInPath;
        options.AccessDeniedPath = SignInPath;
        options.ReturnUrlParameter = "returnUrl";
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        // A sign-in lasts eight hours of the reader's time: the server's TimeProvider is the campaigns' clock, which
        // in the demo and the tests runs days in milliseconds and would expire every cookie at once.
        options.TimeProvider = TimeProvider.System;
        options.SlidingExpiration = true;
        options.Events.OnValidatePrincipal = ValidateAsync;
    }

    /// <summary>The principal a cookie carries for <paramref name="grant"/>.</summary>
    /// <param name="grant">The token's grant.</param>
    public static ClaimsPrincipal Principal(TokenGrant grant)
    {
        ArgumentNullException.ThrowIfNull(grant);
        var identity = (ClaimsIdentity)Caller.Principal(grant, Scheme).Identity!;
        identity.AddClaim(new Claim(TokenHashClaim, grant.Hash));
        foreach (var (type, value) in new[] { (UnitClaim, grant.Unit), (BodyClaim, grant.Body), (GroupClaim, grant.Group), (SupervisorClaim, grant.Supervisor) })
        {
            if (value is not null)
            {
                identity.AddClaim(new Claim(type, value));
            }
        }

        return new ClaimsPrincipal(identity);
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var registry = context.HttpContext.RequestServices.GetRequiredService<TokenRegistry>();
        var grant = context.Principal?.FindFirst(TokenHashClaim)?.Value is { } hash ? registry.FindHash(hash) : null;
        if (grant is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme).ConfigureAwait(false);
            return;
        }

        context.HttpContext.Items[typeof(TokenGrant)] = grant;
    }
}
