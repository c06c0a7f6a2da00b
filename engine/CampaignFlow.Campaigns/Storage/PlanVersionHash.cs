using System.Security.Cryptography;
using System.Text;

namespace CampaignFlow.Campaigns.Storage;

/// <summary>The content hash of a plan version's files, the same in every store.</summary>
public static class PlanVersionHash
{
    /// <summary>SHA-256 over each file's path and text, in the order given, as lower-case hex.</summary>
    /// <param name="files">The files.</param>
    public static string Of(IEnumerable<PlanSourceFile> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            // Lengths first, so ("ab","c") and ("a","bc") hash apart.
            foreach (var part in new[] { file.Path, file.Text })
            {
                var bytes = Encoding.UTF8.GetBytes(part);
                hash.AppendData(BitConverter.GetBytes(bytes.Length));
                hash.AppendData(bytes);
            }
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
