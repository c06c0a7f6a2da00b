using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CampaignFlow.Workflows.Partitions;

/// <summary>
/// How instances are dealt out to partitions: a stable hash of the correlation key, up to its first
/// <see cref="KeySeparator"/> when one is given (so instances whose keys share that prefix, e.g. versions of one
/// subject, share a partition), modulo <see cref="Count"/>.
/// </summary>
/// <remarks>
/// The hash is the first four bytes of the MD5 of the key's UTF-8 bytes, read big-endian: what PostgreSQL computes as
/// <c>('x' || substr(md5(key), 1, 8))::bit(32)::bigint</c>, so a store can select by partition in SQL and agree with
/// every host, whatever its runtime.
/// </remarks>
/// <param name="Count">How many partitions there are (at least 1).</param>
/// <param name="KeySeparator">Where the part of a correlation key that is hashed ends; null: the whole key.</param>
public sealed record PartitionScheme(int Count, char? KeySeparator = null)
{
    /// <summary>The partition count when none is configured.</summary>
    public const int DefaultCount = 64;

    /// <summary>The count, checked.</summary>
    public int Count { get; } = Count >= 1 ? Count : throw new ArgumentOutOfRangeException(nameof(Count), Count, "at least one partition");

    /// <summary>The partition of an instance with this correlation key, in [0, <see cref="Count"/>).</summary>
    public int PartitionOf(string correlationKey)
    {
        ArgumentNullException.ThrowIfNull(correlationKey);
        var hashed = KeySeparator is { } separator && correlationKey.IndexOf(separator, StringComparison.Ordinal) is var at and >= 0
            ? correlationKey[..at]
            : correlationKey;
        Span<byte> digest = stackalloc byte[MD5.HashSizeInBytes];
#pragma warning disable CA5351 // a spreading hash PostgreSQL also has built in, not a security measure
        MD5.HashData(Encoding.UTF8.GetBytes(hashed), digest);
#pragma warning restore CA5351
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(digest) % (uint)Count);
    }
}
