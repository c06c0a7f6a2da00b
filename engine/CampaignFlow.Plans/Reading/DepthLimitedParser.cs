using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CampaignFlow.Plans.Reading;

/// <summary>
/// YamlDotNet's parser, refusing collections nested deeper than a limit and noting where an alias names no anchor. YamlDotNet builds its node tree by
/// recursion, so a text of a few hundred kilobytes of <c>[[[[…</c> overflows the stack, which no handler catches:
/// the process dies. Counting the parser's events, which come without recursion, stops such a text first.
/// </summary>
/// <param name="inner">The parser of the text.</param>
/// <param name="maxDepth">The deepest nesting accepted (the document's root collection is level 1).</param>
internal sealed class DepthLimitedParser(IParser inner, int maxDepth) : IParser
{
    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);
    private int _depth;

    /// <summary>Where the first collection too deep starts, once one was met.</summary>
    public Mark? TooDeepAt { get; private set; }

    /// <summary>
    /// Where the first alias to an anchor not defined before it is, once one was met: YamlDotNet resolves aliases at
    /// the document's end and reports such an alias there, not at its own line.
    /// </summary>
    public Mark? UnknownAliasAt { get; private set; }

    /// <inheritdoc/>
    public ParsingEvent? Current => inner.Current;

    /// <inheritdoc/>
    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case AnchorAlias alias when !_anchors.Contains(alias.Value.Value):
                UnknownAliasAt ??= alias.Start;
                break;
            case NodeEvent { Anchor.IsEmpty: false } node:
                _anchors.Add(node.Anchor.Value);
                goto default;
            default:
                break;
        }

        switch (inner.Current)
        {
            case SequenceStart or MappingStart when ++_depth > maxDepth:
                TooDeepAt = inner.Current.Start;
                throw new YamlException(inner.Current.Start, inner.Current.End, $"nested deeper than {maxDepth} levels");
            case SequenceEnd or MappingEnd:
                _depth--;
                break;
        }

        return true;
    }
}
