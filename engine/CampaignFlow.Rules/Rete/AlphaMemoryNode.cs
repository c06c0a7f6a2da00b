using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>The end of an alpha chain: knows which facts passed it and feeds them to beta nodes.</summary>
/// <remarks>
/// Membership is a bit on the fact for the first 64 memories of a network, and a flag by <see cref="Fact.Id"/> in the
/// session beyond that (a byte for every fact of the session, in such a memory only).
/// </remarks>
internal sealed class AlphaMemoryNode(int id, string description, int ordinal) : AlphaNode(id, NodeKind.AlphaMemory, description)
{
    private readonly ulong _bit = ordinal < 64 ? 1UL << ordinal : 0;

    public List<IFactSink> Sinks { get; } = [];

    public override IEnumerable<ReteNode> Children => Sinks.Cast<ReteNode>();

    public override void Assert(WorkingMemory memory, Fact fact)
    {
        Join(memory, fact);
        if (memory.Batch is { } batch)
        {
            batch.Add(this, fact);
            return;
        }

        foreach (var sink in Sinks)
        {
            sink.AssertFact(memory, fact);
        }
    }

    public override void Update(WorkingMemory memory, Fact fact)
    {
        if (!Holds(memory, fact))
        {
            Assert(memory, fact);
            return;
        }

        foreach (var sink in Sinks)
        {
            sink.UpdateFact(memory, fact);
        }
    }

    protected override void OnRetract(WorkingMemory memory, Fact fact)
    {
        if (!Leave(memory, fact))
        {
            return;
        }

        foreach (var sink in Sinks)
        {
            sink.RetractFact(memory, fact);
        }
    }

    private bool Holds(WorkingMemory memory, Fact fact)
    {
        if (_bit != 0)
        {
            return (fact.AlphaMemories & _bit) != 0;
        }

        var members = Members(memory);
        return fact.Id < members.Length && members[fact.Id];
    }

    private void Join(WorkingMemory memory, Fact fact)
    {
        if (_bit != 0)
        {
            fact.AlphaMemories |= _bit;
            return;
        }

        ref var members = ref Members(memory);
        members.Cover(fact.Id);
        members[fact.Id] = true;
    }

    private bool Leave(WorkingMemory memory, Fact fact)
    {
        if (_bit == 0)
        {
            var held = Holds(memory, fact);
            if (held)
            {
                Members(memory)[fact.Id] = false;
            }

            return held;
        }

        var had = (fact.AlphaMemories & _bit) != 0;
        fact.AlphaMemories &= ~_bit;
        return had;
    }

    // Beyond the first 64 memories: whether the memory holds each fact, by fact id.
    private ref PagedArray<bool> Members(WorkingMemory memory) =>
        ref ((Membership)(memory.NodeMemories[Id] ??= new Membership())).Facts;

    private sealed class Membership
    {
        public PagedArray<bool> Facts;
    }
}
