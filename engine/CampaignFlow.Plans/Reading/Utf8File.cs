using System.Buffers;
using System.Text;
using System.Text.Unicode;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Plans.Reading;

/// <summary>
/// The text of a file that must be UTF-8 (with or without a byte order mark). Bytes of another encoding (a file an
/// editor saved in GBK, a CSV Excel saved in a Chinese office) are <c>file-not-utf8</c> at the first of them:
/// decoding them leniently would turn a title or a name into U+FFFD and let the file pass as valid. Plans, rosters,
/// holidays, organisation and groups files, activity logs and the bodies the server is sent are all checked here.
/// </summary>
public static class Utf8File
{
    // A block the scan reads at a time; a character cut at its end is carried into the next.
    private const int Block = 1 << 16;

    /// <summary>The text of <paramref name="path"/>, or null with <c>file-not-utf8</c> reported into <paramref name="diagnostics"/>.</summary>
    /// <param name="path">The file; reading errors (missing, denied) are the caller's to handle.</param>
    /// <param name="diagnostics">Receives the finding.</param>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Reading the file is denied.</exception>
    public static string? Read(string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var bytes = File.ReadAllBytes(path);
        if (!Utf8.IsValid(WithoutMark(bytes)) && (bytes.AsSpan().StartsWith(Encoding.Unicode.Preamble) || bytes.AsSpan().StartsWith(Encoding.BigEndianUnicode.Preamble)))
        {
            // UTF-16 (or UTF-32) with its byte order mark, as File.ReadAllText reads it: an encoding stated, not guessed.
            return File.ReadAllText(path);
        }

        return Decode(bytes, path, diagnostics);
    }

    /// <summary>
    /// The text of <paramref name="bytes"/> (a UTF-8 byte order mark dropped), or null with <c>file-not-utf8</c> at the
    /// first byte that is no UTF-8 reported into <paramref name="diagnostics"/> against <paramref name="path"/>.
    /// </summary>
    /// <param name="bytes">The text's bytes.</param>
    /// <param name="path">The name to report the position against.</param>
    /// <param name="diagnostics">Receives the finding.</param>
    public static string? Decode(ReadOnlySpan<byte> bytes, string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var body = WithoutMark(bytes);
        if (Utf8.IsValid(body))
        {
            return Encoding.UTF8.GetString(body);
        }

        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        Check(stream, path, diagnostics);
        return null;
    }

    /// <summary>
    /// Whether <paramref name="stream"/> holds UTF-8 from its position to its end, read a block at a time so a large
    /// file is never held whole; when it does not, <c>file-not-utf8</c> at the first foreign byte is reported into
    /// <paramref name="diagnostics"/>. The stream is put back where it was.
    /// </summary>
    /// <param name="stream">A readable, seekable stream.</param>
    /// <param name="path">The name to report the position against.</param>
    /// <param name="diagnostics">Receives the finding.</param>
    /// <exception cref="IOException">The stream cannot be read.</exception>
    public static bool Check(Stream stream, string path, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var start = stream.Position;
        var bytes = ArrayPool<byte>.Shared.Rent(Block);
        var chars = ArrayPool<char>.Shared.Rent(Block);
        try
        {
            var (line, column, carried, first) = (1, 1, 0, true);
            while (true)
            {
                var read = stream.Read(bytes, carried, Block - carried);
                var block = bytes.AsSpan(0, carried + read);
                var body = first ? WithoutMark(block) : block;
                first = false;
                var status = Utf8.ToUtf16(body, chars.AsSpan(0, Block), out var consumed, out var written, replaceInvalidSequences: false, isFinalBlock: read == 0);
                foreach (var c in chars.AsSpan(0, written))
                {
                    (line, column) = c == '\n' ? (line + 1, 1) : (line, column + 1);
                }

                if (status == OperationStatus.InvalidData)
                {
                    diagnostics.Error("file-not-utf8", new SourceLocation(path, line, column), $"{body[consumed]:X2}");
                    return false;
                }

                if (read == 0)
                {
                    return true;
                }

                var rest = body[consumed..];
                rest.CopyTo(bytes);
                carried = rest.Length;
            }
        }
        finally
        {
            stream.Position = start;
            ArrayPool<byte>.Shared.Return(bytes);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static ReadOnlySpan<byte> WithoutMark(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
}
