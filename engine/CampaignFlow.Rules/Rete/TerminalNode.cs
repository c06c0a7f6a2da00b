using CampaignFlow.Rules.Diagnostics;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Rete;

/// <summary>The end of one rule: every complete match becomes an activation on the session's agenda.</summary>
internal sealed class TerminalNode(int id, CompiledRule rule) : ReteNode(id, NodeKind.Terminal, rule.Definition.Id), ITokenSink
{
    public CompiledRule Rule { get; } = rule;

    public int Priority => Rule.Definition.Priority;

    /// <summary>A rule without actions is a query: its matches are kept, but never queued to fire.</summary>
    public bool IsFiring => Rule.Actions.Count > 0;

    public override IEnumerable<ReteNode> Children => [];

    public void AssertToken(WorkingMemory memory, Token token)
    {
        var activation = new Activation(this, token);
        Memory(memory).Add(activation);
        if (IsFiring)
        {
            memory.Agenda.Add(activation);
        }
        memory.Events.OnActivationCreated(activation);
    }

    public void UpdateToken(WorkingMemory memory, Token token)
    {
        if (Memory(memory).Find(token) is not { } activation)
        {
            AssertToken(memory, token);
            return;
        }

        if (IsFiring)
        {
            memory.Agenda.Add(activation);
        }
        memory.Events.OnActivationUpdated(activation);
    }

    public void RetractToken(WorkingMemory memory, Token token)
    {
        if (Memory(memory).Find(token) is not { } activation)
        {
            return;
        }

        activation.IsAlive = false;
        Memory(memory).Remove(activation);
        memory.Agenda.Remove(activation);
        if (activation.HasLinked)
        {
            // Retracting now would re-enter the network in the middle of this propagation.
            foreach (var linked in activation.AllLinked())
            {
                memory.ScheduleRetraction(linked);
            }
        }

        memory.Events.OnActivationDeleted(activation);
    }

    public TerminalMemory Memory(WorkingMemory memory) =>
        (TerminalMemory)(memory.NodeMemories[Id] ??= new TerminalMemory());
}
