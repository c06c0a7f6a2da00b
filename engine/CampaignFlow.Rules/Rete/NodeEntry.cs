namespace CampaignFlow.Rules.Rete;

/// <summary>
/// An alpha memory's membership of one fact beyond the first 64 memories of a network (the first 64 are bits on the
/// fact), chained on the fact itself so that the compiled network stays stateless. What beta nodes know of facts and
/// tokens is in arrays by <see cref="Fact.Id"/> and <see cref="Token.Id"/>.
/// </summary>
internal sealed class NodeEntry(int nodeId)
{
    public int NodeId = nodeId;

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
