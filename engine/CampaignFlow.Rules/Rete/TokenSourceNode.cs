using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>A node that passes partial matches on to the nodes on its right.</summary>
internal abstract class TokenSourceNode(int id, NodeKind kind, string description) : ReteNode(id, kind, description)
{
    public List<ITokenSink> Sinks { get; } = [];

    /// <summary>How many two-input nodes a partial match passes through from the root to leave this node.</summary>
    public int Depth { get; set; }

    public override IEnumerable<ReteNode> Children => Sinks.Cast<ReteNode>();

    protected void AssertSinks(WorkingMemory memory, Token token)
    {
        foreach (var sink in Sinks)
        {
            sink.AssertToken(memory, token);
        }
    }

    protected void UpdateSinks(WorkingMemory memory, Token token)
    {
        foreach (var sink in Sinks)
        {
            sink.UpdateToken(memory, token);
        }
    }

    protected void RetractSinks(WorkingMemory memory, Token token)
    {
        foreach (var sink in Sinks)
        {
            sink.RetractToken(memory, token);
        }
    }
}
