using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CampaignFlow.Plans.Reading;

/// <summary>
/// YamlDotNet's parser, refusing what reading a text must not do: nest collections deeper than a limit (YamlDotNet
/// builds its node tree by recursion, so a few hundred kilobytes of <c>[[[[…</c> overflow the stack, which no handler
/// catches, and the process dies), and let aliases stand for more values than a limit (each level of
/// <c>&amp;a1 [*a0, *a0]</c> doubles what binding walks: thirty lines ran for minutes). Counting the parser's events,
/// which come without recursion, stops such a text first. It also notes where an alias names no anchor.
/// </summary>
/// <param name="inner">The parser of the text.</param>
/// <param name="maxDepth">The deepest nesting accepted (the document's root collection is level 1).</param>
/// <param name="maxAliasedValues">The most values all aliases together may stand for.</param>
internal sealed class BoundedYamlParser(IParser inner, int maxDepth, long maxAliasedValues) : IParser
{
    // The values each anchor stands for (a scalar 1, a collection itself and all within it, aliases expanded).
    private readonly Dictionary<string, long> _anchored = new(StringComparer.Ordinal);
    private readonly Stack<(string? Anchor, long From)> _open = new();
    private long _values;
    private long _aliased;

    /// <summary>Where the first collection too deep starts, once one was met.</summary>
    public Mark? TooDeepAt { get; private set; }

    /// <summary>Where the alias is that took the values aliases stand for past the limit, once one did.</summary>
    public Mark? TooManyAliasedAt { get; private set; }

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
            case AnchorAlias alias when !_anchored.ContainsKey(alias.Value.Value):
                UnknownAliasAt ??= alias.Start;
                break;
            case AnchorAlias alias:
                var size = _anchored[alias.Value.Value];
                _values += size;
                _aliased += size;
                if (_aliased > maxAliasedValues)
                {
                    TooManyAliasedAt = alias.Start;
                    throw new YamlException(alias.Start, alias.End, $"aliases stand for more than {maxAliasedValues} values");
                }

                break;
            case Scalar scalar:
                _values++;
                if (!scalar.Anchor.IsEmpty)
                {
                    _anchored[scalar.Anchor.Value] = 1;
                }

                break;
            case SequenceStart or MappingStart when _open.Count + 1 > maxDepth:
                TooDeepAt = inner.Current.Start;
                throw new YamlException(inner.Current.Start, inner.Current.End, $"nested deeper than {maxDepth} levels");
            case NodeEvent collection and (SequenceStart or MappingStart):
                _open.Push((collection.Anchor.IsEmpty ? null : collection.Anchor.Value, _values));
                _values++;
                break;
            case SequenceEnd or MappingEnd:
                var (anchor, from) = _open.Pop();
                if (anchor is not null)
                {
                    _anchored[anchor] = _values - from;
                }

                break;
            default:
                break;
        }

        return true;
    }
}
