namespace CampaignFlow.Rules.Runtime;

/// <summary>
/// Activations waiting to fire: highest rule priority first, then the most recent. One stack per priority, linked
/// through the activations (<see cref="Activation.AgendaAbove"/>, <see cref="Activation.AgendaBelow"/>): an activation
/// added or refreshed goes on top of its priority's stack, and a withdrawn match leaves at once.
/// </summary>
/// <remarks>
/// "Most recent first" within a priority is a stack, so nothing needs sorting. The binary heap this replaced (issue 15)
/// sifted every new activation from the bottom to the top, as the newest always comes first, and every pop from the top
/// to the bottom, writing each moved activation's place in it: some seventeen scattered activations visited per
/// change in a session of 143,000 matches, where a stack touches its neighbours only. A heap with lazy removal, before
/// that, kept every withdrawn activation until it surfaced.
/// </remarks>
internal sealed class Agenda
{
    // Highest priority first; a rule set has few priorities.
    private readonly List<Level> _levels = [];

    public int Count { get; private set; }

    public void Add(Activation activation)
    {
        if (activation.IsQueued)
        {
            Unlink(activation);
        }
        else
        {
            activation.IsQueued = true;
            Count++;
        }

        var level = LevelOf(activation.Node.Priority);
        activation.AgendaBelow = level.Top;
        if (level.Top is not null)
        {
            level.Top.AgendaAbove = activation;
        }

        level.Top = activation;
    }

    public void Remove(Activation activation)
    {
        if (!activation.IsQueued)
        {
            return;
        }

        Unlink(activation);
        activation.IsQueued = false;
        Count--;
    }

    public bool TryPop(out Activation activation)
    {
        foreach (var level in _levels)
        {
            if (level.Top is { } top)
            {
                activation = top;
                Remove(top);
                return true;
            }
        }

        activation = null!;
        return false;
    }

    private void Unlink(Activation activation)
    {
        if (activation.AgendaAbove is { } above)
        {
            above.AgendaBelow = activation.AgendaBelow;
        }
        else
        {
            LevelOf(activation.Node.Priority).Top = activation.AgendaBelow;
        }

        if (activation.AgendaBelow is { } below)
        {
            below.AgendaAbove = activation.AgendaAbove;
        }

        activation.AgendaAbove = activation.AgendaBelow = null;
    }

    private Level LevelOf(int priority)
    {
        var i = 0;
        for (; i < _levels.Count; i++)
        {
            if (_levels[i].Priority == priority)
            {
                return _levels[i];
            }

            if (_levels[i].Priority < priority)
            {
                break;
            }
        }

        var level = new Level(priority);
        _levels.Insert(i, level);
        return level;
    }

    private sealed class Level(int priority)
    {
        public int Priority { get; } = priority;

        public Activation? Top { get; set; }
    }
}
