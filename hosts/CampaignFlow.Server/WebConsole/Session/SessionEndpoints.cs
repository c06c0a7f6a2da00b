using CampaignFlow.Server.WebConsole.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;

namespace CampaignFlow.Server.WebConsole.Session;

/// <summary>
/// The console's two form posts that render no page: <c>POST /console/sign-out</c> and <c>POST /console/language</c>
/// (the switch in every page's header). Both check the antiforgery token the header's forms carry, and send the
/// reader back with a redirect. Anyone may post them, but the cookie is read when present (the policy with anonymous
/// allowed), because a signed-in page's antiforgery token names its reader and is checked against them.
/// </summary>
public static class SessionEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    /// <param name="app">Where to map them.</param>
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/console/sign-out", (Func<HttpContext, Task<IResult>>)SignOutAsync)
            .WithMetadata(new RequireAntiforgeryTokenAttribute())
            .ExcludeFromDescription()
            .RequireAuthorization(ConsoleCookie.Policy)
            .AllowAnonymous();
        app.MapPost("/console/language", SwitchLanguage)
            .ExcludeFromDescription()
            .RequireAuthorization(ConsoleCookie.Policy)
            .AllowAnonymous();
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(ConsoleCookie.Scheme).ConfigureAwait(false);
        return Results.Redirect(ConsoleCookie.SignInPath);
    }

    // [FromForm] makes the endpoint check the antiforgery token (the antiforgery middleware does it for form binding).
    private static IResult SwitchLanguage(HttpContext context, [FromForm(Name = "lang")] string? language, [FromForm(Name = "returnUrl")] string? returnUrl)
    {
        var tag = language == ConsoleLanguage.EnglishTag ? ConsoleLanguage.EnglishTag : ConsoleLanguage.ChineseTag;
        context.Response.Cookies.Append(ConsoleLanguage.CookieName, tag, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        return Results.Redirect(LocalReturn.Or(returnUrl, "/"));
    }
}
