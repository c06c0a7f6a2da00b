using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

/// <summary>
/// Hundreds of activations queued, withdrawn and re-queued before firing: they fire by priority, then most recent
/// first, and a withdrawn one never fires.
/// </summary>
public class AgendaOrderTests
{
    public sealed class Task(int n, bool urgent)
    {
        public int N { get; } = n;

        public bool Urgent { get; set; } = urgent;
    }

    public sealed class Log
    {
        public List<int> Fired { get; } = [];
    }

    [Priority(5)]
    public sealed class UrgentTaskRule : Rule
    {
        protected override void Define()
        {
            Task task = null!;
            Log log = null!;
            When().Match(() => task, t => t.Urgent).Match(() => log);
            Then().Do(_ => log.Fired.Add(task.N));
        }
    }

    public sealed class OrdinaryTaskRule : Rule
    {
        protected override void Define()
        {
            Task task = null!;
            Log log = null!;
            When().Match(() => task, t => !t.Urgent).Match(() => log);
            Then().Do(_ => log.Fired.Add(task.N));
        }
    }

    [Fact]
    public void Activations_fire_by_priority_then_most_recent_first_and_withdrawn_ones_never()
    {
        var session = RuleCompiler.Compile([new UrgentTaskRule().GetDefinition(), new OrdinaryTaskRule().GetDefinition()]).CreateSession();
        var log = new Log();
        session.Insert(log);
        var random = new Random(3);
        var tasks = Enumerable.Range(0, 300).Select(n => new Task(n, random.Next(3) == 0)).ToList();

        // The order in which each live task was last queued, oldest first.
        var queued = new List<Task>();
        foreach (var task in tasks)
        {
            session.Insert(task);
            queued.Add(task);
        }

        foreach (var task in tasks.Where(t => t.N % 4 == 1))
        {
            session.Retract(task);
            queued.Remove(task);
        }

        foreach (var task in tasks.Where(t => t.N % 5 == 2 && t.N % 4 != 1))
        {
            task.Urgent = !task.Urgent;
            session.Update(task);
            queued.Remove(task);
            queued.Add(task);
        }

        session.PendingActivations.ShouldBe(queued.Count);
        session.Fire().ShouldBe(queued.Count);

        var expected = queued.Where(t => t.Urgent).Reverse().Concat(queued.Where(t => !t.Urgent).Reverse()).Select(t => t.N);
        log.Fired.ShouldBe(expected);
    }
}
