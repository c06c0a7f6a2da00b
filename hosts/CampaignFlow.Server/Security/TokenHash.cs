using System.Security.Cryptography;
using System.Text;

namespace CampaignFlow.Server.Security;

/// <summary>
/// How bearer tokens are kept: only their SHA-256 (lower-case hex) is ever configured or stored, so a leaked
/// configuration file or data folder does not leak a usable token.
/// </summary>
public static class TokenHash
{
    /// <summary>The SHA-256 of <paramref name="token"/>'s UTF-8 bytes, as 64 lower-case hex digits.</summary>
    /// <param name="token">The token as a client sends it after <c>Bearer </c>.</param>
    public static string Of(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>A new random token: 32 bytes from the system's cryptographic generator, URL-safe base64, prefixed <c>cf_</c>.</summary>
    public static string NewToken() =>
        "cf_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>True when <paramref name="hash"/> looks like a value <see cref="Of"/> returns.</summary>
    /// <param name="hash">A configured hash.</param>
    public static bool IsWellFormed(string? hash) =>
        hash is { Length: 64 } && hash.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F'));

    /// <summary>Compares two hashes in time independent of where they differ.</summary>
    /// <param name="a">One hash.</param>
    /// <param name="b">The other.</param>
    public static bool Same(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a.ToLowerInvariant()), Encoding.ASCII.GetBytes(b.ToLowerInvariant()));
}
