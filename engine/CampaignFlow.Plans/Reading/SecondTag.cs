using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace CampaignFlow.Plans.Reading;

/// <summary>
/// Finds a value's second tag (<c>group: !!str !!str 区委督导组</c>) where YamlDotNet stopped. Its scanner reads both
/// tags; its parser takes the second for the start of something else and says the line is out of step with its keys,
/// which sends the author to the indentation, not to the tag.
/// </summary>
internal static class SecondTag
{
    /// <summary>True when the token at <paramref name="line"/>:<paramref name="column"/> of <paramref name="text"/> is a tag that follows another tag of the same value (an anchor may stand between them).</summary>
    /// <param name="text">The YAML text the parser read.</param>
    /// <param name="line">The line YamlDotNet stopped at, from 1.</param>
    /// <param name="column">The column YamlDotNet stopped at, from 1.</param>
    public static bool At(string text, int line, int column)
    {
        var scanner = new Scanner(new StringReader(text));
        Token? before = null;
        try
        {
            while (scanner.MoveNext() && scanner.Current is { } token)
            {
                if (token.Start.Line > line || (token.Start.Line == line && token.Start.Column >= column))
                {
                    return token is Tag && token.Start.Line == line && token.Start.Column == column && before is Tag;
                }

                // A value's properties are its tag and its anchor, in either order: the anchor does not part the tags.
                if (token is not Anchor)
                {
                    before = token;
                }
            }
        }
        catch (YamlException)
        {
            // The scanner stops at a later mistake of its own: there was no second tag before it.
        }

        return false;
    }
}
