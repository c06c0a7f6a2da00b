using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

public class SessionTests
{
    public sealed record Note(string Text);

    public sealed record Tag(string Name);

    public sealed class NoteRule : Rule
    {
        protected override void Define()
        {
            Note note = null!;
            When().Match(() => note);
            Then().Do(_ => Console.WriteLine(note));
        }
    }

    private static readonly ISessionFactory Factory = RuleCompiler.Compile(new NoteRule().GetDefinition());

    [Fact]
    public void Sessions_of_one_factory_are_independent()
    {
        var first = Factory.CreateSession();
        var second = Factory.CreateSession();

        first.Insert(new Note("a"));

        first.PendingActivations.ShouldBe(1);
        second.PendingActivations.ShouldBe(0);
        second.Query<Note>().ShouldBeEmpty();
    }

    [Fact]
    public void Facts_are_identified_by_reference()
    {
        var session = Factory.CreateSession();
        var note = new Note("a");
        session.Insert(note);

        session.TryInsert(note).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => session.Insert(note));
        session.TryInsert(new Note("a")).ShouldBeTrue("an equal record is another fact");
        session.Query<Note>().Count().ShouldBe(2);
    }

    [Fact]
    public void Update_and_retract_of_unknown_facts()
    {
        var session = Factory.CreateSession();

        session.TryRetract(new Note("x")).ShouldBeFalse();
        session.TryUpdate(new Note("x")).ShouldBeFalse();
        Should.Throw<InvalidOperationException>(() => session.Retract(new Note("x")));
        Should.Throw<InvalidOperationException>(() => session.Update(new Note("x")));
    }

    [Fact]
    public void Query_returns_facts_of_a_type_including_facts_no_rule_uses()
    {
        var session = Factory.CreateSession();
        session.InsertAll([new Note("a"), new Tag("t"), new Note("b")]);

        session.Query<Note>().Select(n => n.Text).Order().ShouldBe(["a", "b"]);
        session.Query<Tag>().ShouldHaveSingleItem();
        session.Query<object>().Count().ShouldBe(3);
    }

    [Fact]
    public void Factories_are_shared_across_threads()
    {
        var counts = new int[8];

        Parallel.For(0, counts.Length, i =>
        {
            var session = Factory.CreateSession();
            for (var n = 0; n <= i; n++)
            {
                session.Insert(new Note($"{i}/{n}"));
            }

            counts[i] = session.PendingActivations;
        });

        counts.ShouldBe([1, 2, 3, 4, 5, 6, 7, 8]);
    }
}
