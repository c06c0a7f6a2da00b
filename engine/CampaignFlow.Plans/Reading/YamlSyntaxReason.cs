namespace CampaignFlow.Plans.Reading;

/// <summary>
/// The catalogued reason for one of YamlDotNet's syntax errors, whose own sentences are English only: the mistakes
/// authors make (a tab, a line out of step, an unclosed bracket or quote, an alias to no anchor, a backslash in double
/// quotes, a list begun on its key's line, a value starting with '&amp;' or '*', text after '|'), and the rarer ones
/// of directives (<c>%YAML</c>, <c>%TAG</c>), verbatim tags (<c>!&lt;…&gt;</c>) and two anchors or two tags on one value, are said
/// in the reader's language; any other keeps YamlDotNet's sentence. A key written twice is a finding of its own
/// (<c>duplicate-key</c>, found by <see cref="DuplicateKeyParser"/> before YamlDotNet would say it).
/// </summary>
internal static class YamlSyntaxReason
{
    // The first fragment of YamlDotNet's sentence found decides; the order puts the more particular first.
    private static readonly (string Fragment, string Code)[] Reasons =
    [
        ("invalid tab as indentation", "yaml-reason-tab"),
        ("tab character that violate", "yaml-reason-tab"),
        ("did not find expected ',' or ']'", "yaml-reason-unclosed-list"),
        ("did not find expected ',' or '}'", "yaml-reason-unclosed-mapping"),
        ("found unknown escape character", "yaml-reason-bad-escape"),
        ("did not find expected hexadecimal number", "yaml-reason-bad-escape"),
        ("found invalid Unicode", "yaml-reason-bad-escape"),
        ("quoted scalar", "yaml-reason-unclosed-quote"),
        ("did not find expected node content", "yaml-reason-no-value"),
        ("Block sequence entries are not allowed", "yaml-reason-dash-after-key"),
        ("While scanning an anchor or alias", "yaml-reason-anchor-start"),
        ("While scanning a block scalar, did not find expected comment or line break", "yaml-reason-block-header"),
        ("found character that cannot start any token", "yaml-reason-bad-start"),
        ("did not find expected '-' indicator", "yaml-reason-list-indentation"),
        ("did not find expected key", "yaml-reason-indentation"),
        ("found invalid mapping", "yaml-reason-colon"),
        ("Mapping values are not allowed", "yaml-reason-colon"),
        ("Operation is not valid due to the current state", "yaml-reason-unfinished"),

        // Directives, verbatim tags and anchors: rare in a plan (it needs none), so said plainly and how to do without.
        ("While scanning a %YAML directive", "yaml-reason-yaml-directive"),
        ("Found incompatible YAML document", "yaml-reason-yaml-version"),
        ("did not find preceding <document end>", "yaml-reason-directive-twice"),
        ("Found duplicate %TAG directive", "yaml-reason-directive-twice"),
        ("While scanning a %TAG directive", "yaml-reason-tag-directive"),
        ("While scanning a tag directive", "yaml-reason-tag-directive"),
        ("While scanning a tag, did not find expected '!'", "yaml-reason-tag-directive"),
        ("While scanning a directive", "yaml-reason-directive"),
        ("Did not find expected <document start>", "yaml-reason-directive-end"),
        ("While scanning a tag, did not find the expected '>'", "yaml-reason-verbatim-tag"),
        ("Tag value must not be empty", "yaml-reason-verbatim-tag"),
        ("found undefined tag handle", "yaml-reason-tag-handle"),
        ("found more than one anchor", "yaml-reason-two-anchors"),
    ];

    /// <summary>The arguments of a <c>yaml-syntax</c> finding: YamlDotNet's sentence, then the reason's code and values when one is known.</summary>
    /// <param name="said">YamlDotNet's sentence, without its position.</param>
    public static string[] Arguments(string said)
    {
        if (said.StartsWith("The anchor '", StringComparison.Ordinal) && said.IndexOf('\'', "The anchor '".Length) is > 0 and var end)
        {
            return [said, "yaml-reason-unknown-anchor", said["The anchor '".Length..end]];
        }

        return Reasons.FirstOrDefault(r => said.Contains(r.Fragment, StringComparison.Ordinal)) is { Code: { } code } ? [said, code] : [said];
    }

    /// <summary>
    /// The arguments of a <c>yaml-syntax</c> finding at a value's second tag (<see cref="SecondTag"/>), whatever YamlDotNet
    /// said of it: its sentence names no tag, so the reason is found from the text, not the sentence.
    /// </summary>
    /// <param name="said">YamlDotNet's sentence, without its position.</param>
    public static string[] TwoTags(string said) => [said, "yaml-reason-two-tags"];
}
