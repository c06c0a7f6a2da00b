namespace CampaignFlow.Rules.Rete;

/// <summary>
/// Per-session state that a node keeps about one fact or token, chained on the fact or token itself so
/// that the compiled network stays stateless and no node needs a dictionary from facts to state.
/// </summary>
internal class NodeEntry(int nodeId)
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
