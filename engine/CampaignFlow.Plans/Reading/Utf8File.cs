using System.Buffers;
using System.Text;
using System.Text.Unicode;
using CampaignFlow.Plans.Diagnostics;

namespace CampaignFlow.Plans.Reading;

/// <summary>
/// The text of a file that must be UTF-8 (with or without a byte order mark). Bytes of another encoding (a file an
/// editor saved in GBK) are a finding at the first of them: decoding them leniently would turn a title into U+FFFD
/// and let the plan pass as valid.
/// </summary>
internal static class Utf8File
{
    /// <summary>The text of <paramref name="path"/>, or null with <c>file-not-utf8</c> reported into <paramref name="diagnostics"/>.</summary>
    /// <param name="path">The file; reading errors (missing, denied) are the caller's to handle.</param>
    /// <param name="diagnostics">Receives the finding.</param>
    public static string? Read(string path, DiagnosticBag diagnostics)
    {
        var bytes = File.ReadAllBytes(path);
        var body = bytes.AsSpan(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0);
        if (Utf8.IsValid(body))
        {
            return Encoding.UTF8.GetString(body);
        }

        if (bytes.AsSpan().StartsWith(Encoding.Unicode.Preamble) || bytes.AsSpan().StartsWith(Encoding.BigEndianUnicode.Preamble))
        {
            // UTF-16 (or UTF-32) with its byte order mark, as File.ReadAllText reads it: an encoding stated, not guessed.
            return File.ReadAllText(path);
        }

        var chars = ArrayPool<char>.Shared.Rent(body.Length);
        try
        {
            Utf8.ToUtf16(body, chars, out var valid, out var written, replaceInvalidSequences: false);
            var before = chars.AsSpan(0, written);
            var lineStart = before.LastIndexOf('\n') + 1;
            var line = before.Count('\n') + 1;
            diagnostics.Error("file-not-utf8", new SourceLocation(path, line, written - lineStart + 1), $"{body[valid]:X2}");
            return null;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
