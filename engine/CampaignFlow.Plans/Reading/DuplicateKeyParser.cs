using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CampaignFlow.Plans.Reading;

/// <summary>
/// A parser refusing a mapping that gives the same plain key twice. YamlDotNet refuses it too, but only as an English
/// exception message ("Duplicate key activity") that a finding would have to carry into its Chinese; watching the
/// events, this knows the key and where its second use starts, so the finding can say it in either language.
/// </summary>
/// <param name="inner">The parser of the text.</param>
internal sealed class DuplicateKeyParser(IParser inner) : IParser
{
    private readonly Stack<Collection> _open = new();

    /// <summary>The key given twice and where its second use starts, once one was met.</summary>
    public (string Key, Mark At)? Duplicate { get; private set; }

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
            case DocumentStart:
                _open.Clear();
                break;
            case MappingStart:
                _open.Push(new Collection(new HashSet<string>(StringComparer.Ordinal)));
                break;
            case SequenceStart:
                _open.Push(new Collection(null));
                break;
            case MappingEnd or SequenceEnd:
                _open.Pop();
                NodeDone();
                break;
            case Scalar scalar:
                if (_open.TryPeek(out var mapping) && mapping is { Keys: { } keys, ExpectingKey: true } && !keys.Add(scalar.Value))
                {
                    Duplicate = (scalar.Value, scalar.Start);
                    throw new YamlException(scalar.Start, scalar.End, $"the key '{scalar.Value}' is given twice");
                }

                NodeDone();
                break;
            case AnchorAlias:
                NodeDone();
                break;
        }

        return true;
    }

    // A mapping's nodes alternate key, value: each node finished in one flips what the next is.
    private void NodeDone()
    {
        if (_open.TryPeek(out var parent) && parent.Keys is not null)
        {
            parent.ExpectingKey = !parent.ExpectingKey;
        }
    }

    private sealed class Collection(HashSet<string>? keys)
    {
        /// <summary>The plain keys met so far, for a mapping; null for a sequence.</summary>
        public HashSet<string>? Keys { get; } = keys;

        public bool ExpectingKey { get; set; } = true;
    }
}
