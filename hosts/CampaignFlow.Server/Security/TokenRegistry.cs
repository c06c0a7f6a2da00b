using System.Text.Json;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Hosting;
using Microsoft.Extensions.Options;

namespace CampaignFlow.Server.Security;

/// <summary>
/// The tokens the server accepts, by hash. At start it takes the configured tokens; when none is configured it
/// takes the hashes kept in the data folder (<c>tokens.json</c>) and, on the very first start, makes an admin
/// token, keeps only its hash there and writes the token itself once to <c>admin-token</c> (owner-only), so the
/// README's one command yields a usable server. <c>--demo</c> adds <see cref="DemoTokens"/>.
/// </summary>
/// <threadsafety>Lookups are safe from any thread once the host has started.</threadsafety>
public sealed partial class TokenRegistry(IOptions<ServerOptions> options, ILogger<TokenRegistry> log) : IHostedService
{
    /// <summary>The file of generated token hashes in the data folder.</summary>
    public const string HashesFileName = "tokens.json";

    /// <summary>The file the first-start admin token is written to, once.</summary>
    public const string AdminTokenFileName = "admin-token";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly ILogger _log = log;
    private volatile IReadOnlyList<TokenGrant> _grants = [];

    /// <summary>Every accepted grant (hashes only).</summary>
    public IReadOnlyList<TokenGrant> Grants => _grants;

    /// <summary>The grant of <paramref name="token"/>, or null when the token is unknown.</summary>
    /// <param name="token">The token a client sent.</param>
    public TokenGrant? Find(string token) => FindHash(TokenHash.Of(token));

    /// <summary>
    /// The grant whose token has <paramref name="hash"/>, or null: how the console's cookie, which carries the hash and
    /// never the token, finds its grant again on every request (a token removed from the configuration is gone).
    /// </summary>
    /// <param name="hash">The token's SHA-256 (<see cref="TokenHash.Of"/>).</param>
    public TokenGrant? FindHash(string hash)
    {
        if (!TokenHash.IsWellFormed(hash))
        {
            return null;
        }

        TokenGrant? found = null;
        // Every grant is compared, in constant time each, so timing tells nothing about which hashes exist.
        foreach (var grant in _grants)
        {
            if (TokenHash.Same(grant.Hash, hash))
            {
                found ??= grant;
            }
        }

        return found;
    }

    /// <inheritdoc/>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var grants = settings.Tokens.Select((t, i) => t.ToGrant(i, out _)).OfType<TokenGrant>().ToList();
        if (!settings.Demo && grants.Count == 0)
        {
            grants.AddRange(KeptOrFirstAdmin(settings.DataPath));
        }

        _grants = grants;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Once the campaigns run: adds the demo's tokens (one per running unit and group, with <c>--demo</c>) and warns
    /// of reviewers whose group the groups files do not have. The runner calls it before it lets requests through.
    /// </summary>
    /// <param name="service">The started campaign service.</param>
    internal void AdmitRunning(CampaignService service)
    {
        var grants = _grants.ToList();
        if (options.Value.Demo)
        {
            var before = grants.Count;
            grants.AddRange(DemoTokens.For(service.Units).Select(d => d.Grant));
            LogWarningLine(OperatorLine.Of("log-demo-tokens", OperatorLine.Count(grants.Count - before), "demo-admin, demo-auditor, demo-recorder-<unit>, demo-reviewer-<unit>, demo-auditor-<body>"));
        }

        // A reviewer naming a group the groups files do not have reviews nothing: say so now, not at the first 403.
        foreach (var grant in grants.Where(g => g.Group is not null && service.Organisation.FindGroup(g.Group) is null))
        {
            LogWarningLine(OperatorLine.Of("log-token-unknown-group", grant.Name, grant.Group!, string.Join(", ", service.Organisation.Groups.Select(g => g.Id))));
        }

        _grants = grants;
    }

    /// <inheritdoc/>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IReadOnlyList<TokenGrant> KeptOrFirstAdmin(string dataPath)
    {
        var hashesFile = Path.Combine(dataPath, HashesFileName);
        var tokenFile = Path.Combine(dataPath, AdminTokenFileName);
        try
        {
            if (File.Exists(hashesFile))
            {
                var kept = JsonSerializer.Deserialize<List<ConfiguredToken>>(File.ReadAllText(hashesFile), Json) ?? [];
                var grants = kept.Select((t, i) => t.ToGrant(i, out _)).OfType<TokenGrant>().ToList();
                LogLine(OperatorLine.Of("log-kept-tokens", OperatorLine.Count(grants.Count), hashesFile, tokenFile));
                return grants;
            }

            DataFolder.Create(dataPath);
            var token = TokenHash.NewToken();
            WriteOwnerOnly(tokenFile, token + "\n");
            var admin = new ConfiguredToken { Name = "admin", Hash = TokenHash.Of(token), Role = "admin" };
            WriteOwnerOnly(hashesFile, JsonSerializer.Serialize(new[] { admin }, Json) + "\n");
            LogWarningLine(OperatorLine.Of("log-admin-token-made", tokenFile, hashesFile));
            return [admin.ToGrant(0, out _)!];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            throw new ServerStartException($"no token is configured and the data folder's tokens cannot be used ({hashesFile}): {e.Message}", e);
        }
    }

    private static void WriteOwnerOnly(string path, string text)
    {
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            // Created with owner-only permissions, never widened after the fact, so there is no moment it is readable.
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, fileOptions);
        using var writer = new StreamWriter(stream);
        writer.Write(text);
    }

    // Each line from the catalogue, Chinese then English (OperatorLine).
    [LoggerMessage(Level = LogLevel.Information, Message = "{Text}")]
    private partial void LogLine(string text);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Text}")]
    private partial void LogWarningLine(string text);
}
