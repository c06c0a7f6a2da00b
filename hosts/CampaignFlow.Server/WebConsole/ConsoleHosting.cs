using System.Text.Encodings.Web;
using System.Text.Unicode;
using CampaignFlow.Server.Hosting;
using CampaignFlow.Server.WebConsole.Recording;
using CampaignFlow.Server.WebConsole.Reviewing;
using CampaignFlow.Server.WebConsole.Session;
using CampaignFlow.Server.WebConsole.Shell;
using CampaignFlow.Server.WebConsole.Violations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace CampaignFlow.Server.WebConsole;

/// <summary>
/// Puts the web console into the server (ADR 0012): Razor components rendered on the server without a circuit, the
/// sign-in cookie beside the API's bearer tokens, data-protection keys in the data folder, the stylesheet.
/// </summary>
public static class ConsoleHosting
{
    /// <summary>The folder of the data folder that keeps the keys protecting cookies and antiforgery tokens.</summary>
    public const string KeysFolderName = "console-keys";

    /// <summary>Registers the console's services.</summary>
    /// <param name="services">The services.</param>
    /// <param name="authentication">The server's authentication, to add the console's cookie to.</param>
    public static void AddServices(IServiceCollection services, AuthenticationBuilder authentication)
    {
        ArgumentNullException.ThrowIfNull(authentication);
        services.AddRazorComponents();
        // Chinese written as itself, not as &#x…; entities: a third of the page's bytes otherwise.
        services.AddWebEncoders(encoders => encoders.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddHttpContextAccessor();
        services.AddScoped<ConsoleRequest>();
        services.AddScoped<RecordingAccess>();
        services.AddSingleton<ReviewQueue>();
        authentication.AddCookie(ConsoleCookie.Scheme, ConsoleCookie.Configure);

        // Keys in the data folder (owner-only, like the folder), so a restart does not sign every reader out; the
        // folder is the server's, so several servers sharing a database each keep their own (documented in ADR 0012).
        services.AddDataProtection().SetApplicationName("CampaignFlow.Server");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<ServerOptions>, ILoggerFactory>((keys, server, logs) =>
        {
            var folder = Path.Combine(server.Value.DataPath, KeysFolderName);
            DataFolder.Create(server.Value.DataPath);
            DataFolder.Create(folder);
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), logs);
        });
    }

    /// <summary>Maps the console's middleware and endpoints; after authentication and authorization.</summary>
    /// <param name="app">The application.</param>
    public static void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAntiforgery();
        ExpiredForm.Use(app);
        ConsoleStyles.Map(app);
        SessionEndpoints.Map(app);
        ViolationExportEndpoint.Map(app);
        app.MapRazorComponents<App>().RequireAuthorization(ConsoleCookie.Policy);
    }
}
