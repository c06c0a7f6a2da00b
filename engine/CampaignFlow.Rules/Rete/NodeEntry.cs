namespace CampaignFlow.Rules.Rete;

/// <summary>
/// Per-session state that a node keeps about one fact (a pairing node's <see cref="RightEntry"/>, an alpha memory's
/// membership beyond the first 64), chained on the fact itself so that the compiled network stays stateless and no
/// node needs a dictionary from facts to state. What nodes know of tokens is in arrays by <see cref="Token.Id"/>.
/// </summary>
internal class NodeEntry(int nodeId)
{
    public int NodeId = nodeId;

    /// <summary>
    /// The entry's place in its bucket, for the entries of beta nodes. Declared here, beside <see cref="NodeId"/>,
    /// because the runtime pads each class's own fields to 8 bytes: here it fills a gap, in a subclass it would
    /// add 8 bytes to every fact and every entry.
    /// </summary>
    public int Slot;

    public NodeEntry? Next;

    public static NodeEntry? Find(NodeEntry? head, int nodeId)
    {
        for (var e = head; e is not null; e = e.Next)
        {
            if (e.NodeId == nodeId)
            {
                return e;
            }
        }

        return null;
    }

    public static void Add(ref NodeEntry? head, NodeEntry entry)
    {
        entry.Next = head;
        head = entry;
    }

    /// <summary>Puts <paramref name="replacement"/> where <paramref name="entry"/> is in the chain.</summary>
    public static void Replace(ref NodeEntry? head, NodeEntry entry, NodeEntry replacement)
    {
        replacement.Next = entry.Next;
        entry.Next = null;
        if (head == entry)
        {
            head = replacement;
            return;
        }

        var e = head;
        while (e!.Next != entry)
        {
            e = e.Next;
        }

        e.Next = replacement;
    }

    public static NodeEntry? Remove(ref NodeEntry? head, int nodeId)
    {
        NodeEntry? previous = null;
        for (var e = head; e is not null; previous = e, e = e.Next)
        {
            if (e.NodeId != nodeId)
            {
                continue;
            }

            if (previous is null)
            {
                head = e.Next;
            }
            else
            {
                previous.Next = e.Next;
            }

            e.Next = null;
            return e;
        }

        return null;
    }
}
