namespace CampaignFlow.Cli.Output;

/// <summary>Pads text to a column by terminal cells: a Chinese character takes two, so string padding misaligns.</summary>
internal static class DisplayWidth
{
    /// <summary><paramref name="text"/> followed by spaces up to <paramref name="cells"/> terminal cells.</summary>
    public static string PadRight(string text, int cells) => text + new string(' ', Math.Max(0, cells - Of(text)));

    /// <summary>The terminal cells <paramref name="text"/> takes.</summary>
    public static int Of(string text) => text.Sum(c => IsWide(c) ? 2 : 1);

    // CJK ideographs, CJK punctuation and full-width forms: the ranges Chinese plan text uses.
    private static bool IsWide(char c) =>
        c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6';
}
