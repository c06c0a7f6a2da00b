using System.Security.Cryptography;

namespace CampaignFlow.Server.WebConsole.Shell;

/// <summary>
/// Serves <c>wwwroot/console.css</c> at <c>/console/console.css</c> from the assembly, where it is embedded: the
/// server runs from <c>dotnet run</c>, a publish folder or a test host, and the stylesheet must be there in all three
/// without static web asset manifests.
/// </summary>
public static class ConsoleStyles
{
    /// <summary>Where pages link it.</summary>
    public const string Path = "/console/console.css";

    private static readonly Lazy<(byte[] Bytes, string ETag)> Sheet = new(() =>
    {
        using var stream = typeof(ConsoleStyles).Assembly.GetManifestResourceStream("CampaignFlow.Server.wwwroot.console.css")
            ?? throw new InvalidOperationException("The embedded stylesheet wwwroot/console.css is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var bytes = copy.ToArray();
        return (bytes, "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] + "\"");
    });

    /// <summary>Maps the stylesheet.</summary>
    /// <param name="app">Where.</param>
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, (HttpContext context) =>
        {
            var (bytes, etag) = Sheet.Value;
            context.Response.Headers.ETag = etag;
            context.Response.Headers.CacheControl = "public, max-age=3600";
            return context.Request.Headers.IfNoneMatch == etag ? Results.StatusCode(StatusCodes.Status304NotModified) : Results.Bytes(bytes, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
}
