using CampaignFlow.Server.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;

namespace CampaignFlow.Server.WebConsole.Session;

/// <summary>
/// <c>/console/sign-in</c>: takes a token the API accepts and issues the console's cookie for its grant
/// (<see cref="ConsoleCookie"/>); a token the API refuses is refused here too (401, the form again).
/// </summary>
public partial class SignIn
{
    private bool _refused;

    /// <summary>The posted form.</summary>
    [SupplyParameterFromForm(FormName = "sign-in")]
    public SignInForm? Form { get; set; }

    /// <summary>The page to go to once signed in (a local path), as the cookie's challenge sends it.</summary>
    [SupplyParameterFromQuery(Name = "returnUrl")]
    public string? ReturnUrl { get; set; }

    /// <inheritdoc/>
    protected override void OnInitialized() => Form ??= new SignInForm();

    private async Task SignInAsync()
    {
        if (Tokens.Find(Form?.Token?.Trim() ?? "") is not { } grant)
        {
            _refused = true;
            Request.Answer(StatusCodes.Status401Unauthorized);
            return;
        }

        await Request.Http.SignInAsync(ConsoleCookie.Scheme, ConsoleCookie.Principal(grant)).ConfigureAwait(true);
        Navigation.NavigateTo(LocalReturn.Or(ReturnUrl, "/"));
    }
}
