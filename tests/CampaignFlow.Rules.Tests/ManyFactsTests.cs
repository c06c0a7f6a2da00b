using CampaignFlow.Rules.Fluent;
using CampaignFlow.Rules.Runtime;

namespace CampaignFlow.Rules.Tests;

/// <summary>
/// Tens of thousands of facts in one session, so that what nodes keep by fact and token id spans many pages: groups
/// at a rule's start, a rule's first pattern, a counting negation, a join and the rules' matches, through inserts in
/// a batch and one by one, retractions that free ids for reuse and updates that move facts between keys, checked
/// against a plain computation.
/// </summary>
public class ManyFactsTests
{
    public sealed class Visit(int place, int hours)
    {
        public int Place { get; set; } = place;

        public int Hours { get; } = hours;
    }

    public sealed class Closing(int place)
    {
        public int Place { get; } = place;
    }

    /// <summary>Queries (no actions): their matches are what is asserted.</summary>
    public sealed class ShortPlaceRule : Rule
    {
        protected override void Define()
        {
            IGrouping<int, Visit> place = null!;
            Closing closing = null!;
            When()
                .GroupBy(() => place, (Visit v) => v.Place)
                .Match(() => closing, c => c.Place == place.Key)
                .Where(() => place.Sum(v => v.Hours) < 5);
        }
    }

    public sealed class EmptyPlaceRule : Rule
    {
        protected override void Define()
        {
            Closing closing = null!;
            When()
                .Match(() => closing)
                .Not<Visit>(v => v.Place == closing.Place);
        }
    }

    [Fact]
    public void Matches_hold_across_many_pages_of_ids()
    {
        var shortPlace = new ShortPlaceRule().GetDefinition();
        var emptyPlace = new EmptyPlaceRule().GetDefinition();
        var session = RuleCompiler.Compile([shortPlace, emptyPlace]).CreateSession();
        var random = new Random(11);
        const int places = 12_000;
        var visits = Enumerable.Range(0, 40_000).Select(_ => new Visit(random.Next(places), random.Next(1, 4))).ToList();
        var closings = Enumerable.Range(0, places).Select(p => new Closing(p)).ToList();

        session.InsertAll(visits.Take(20_000));
        foreach (var closing in closings)
        {
            session.Insert(closing);
        }

        foreach (var visit in visits.Skip(20_000))
        {
            session.Insert(visit);
        }

        void ShouldAgree()
        {
            var hours = visits.GroupBy(v => v.Place).ToDictionary(g => g.Key, g => g.Sum(v => v.Hours));
            session.Matches(shortPlace.Id).Count.ShouldBe(closings.Count(c => hours.TryGetValue(c.Place, out var h) && h < 5));
            session.Matches(emptyPlace.Id).Count.ShouldBe(closings.Count(c => !hours.ContainsKey(c.Place)));
        }

        ShouldAgree();

        // Retract a third of the visits and half the closings, insert new ones into the freed ids, move some visits.
        var gone = visits.Where((_, i) => i % 3 == 0).ToHashSet();
        foreach (var visit in gone)
        {
            session.Retract(visit);
        }

        visits.RemoveAll(gone.Contains);
        var closed = closings.Where((_, i) => i % 2 == 0).ToHashSet();
        foreach (var closing in closed)
        {
            session.Retract(closing);
        }

        closings.RemoveAll(closed.Contains);

        ShouldAgree();

        var more = Enumerable.Range(0, 15_000).Select(_ => new Visit(random.Next(places), random.Next(1, 4))).ToList();
        session.InsertAll(more);
        visits.AddRange(more);
        foreach (var visit in visits.Where((_, i) => i % 11 == 0))
        {
            visit.Place = random.Next(places);
            session.Update(visit);
        }

        ShouldAgree();
        session.Query<Visit>().Count().ShouldBe(visits.Count);
    }

    [Fact]
    public void Facts_are_found_by_identity_among_many_as_they_come_and_go()
    {
        var session = RuleCompiler.Compile([new EmptyPlaceRule().GetDefinition()]).CreateSession();

        // Equal values, distinct objects: identity, not equality, tells facts apart.
        var closings = Enumerable.Range(0, 60_000).Select(i => new Closing(i % 7)).ToList();
        session.InsertAll(closings.Take(30_000));
        foreach (var closing in closings.Skip(30_000))
        {
            session.Insert(closing);
        }

        var gone = closings.Where((_, i) => i % 3 != 1).ToList();
        foreach (var closing in gone)
        {
            session.TryRetract(closing).ShouldBeTrue();
        }

        var kept = closings.Where((_, i) => i % 3 == 1).ToList();
        kept.ShouldAllBe(c => session.Contains(c));
        gone.ShouldAllBe(c => !session.Contains(c));
        kept.ShouldAllBe(c => !session.TryInsert(c));
        gone.ShouldAllBe(c => !session.TryRetract(c));

        // Freed slots are taken again, by the same objects and by new ones.
        var fresh = Enumerable.Range(0, 10_000).Select(i => new Closing(i % 7)).ToList();
        foreach (var closing in gone.Where((_, i) => i % 2 == 0).Concat(fresh))
        {
            session.TryInsert(closing).ShouldBeTrue();
        }

        var present = kept.Concat(gone.Where((_, i) => i % 2 == 0)).Concat(fresh).ToHashSet(ReferenceEqualityComparer.Instance);
        closings.Concat(fresh).ShouldAllBe(c => session.Contains(c) == present.Contains(c));
        session.Query<Closing>().ToHashSet(ReferenceEqualityComparer.Instance).SetEquals(present).ShouldBeTrue();
        session.Matches(new EmptyPlaceRule().GetDefinition().Id).Count.ShouldBe(present.Count);
    }

    [Fact]
    public void A_session_sized_by_the_ones_before_it_keeps_finding_its_facts_once_it_outgrows_that_size()
    {
        var rule = new EmptyPlaceRule().GetDefinition();
        var factory = RuleCompiler.Compile([rule]);

        // The first session leaves the size hint that the second one's tables start at.
        var first = factory.CreateSession();
        first.InsertAll(Enumerable.Range(0, 200).Select(i => new Closing(i)).ToList());

        var session = factory.CreateSession();
        var closings = Enumerable.Range(0, 150).Select(i => new Closing(i % 5)).ToList();
        session.InsertAll(closings);

        // Retracted before the tables grow, then grown past the first session's size with those slots free.
        var early = closings.Where((_, i) => i % 3 == 0).ToList();
        foreach (var closing in early)
        {
            session.Retract(closing);
        }

        var more = Enumerable.Range(0, 5_000).Select(i => new Closing(i % 5)).ToList();
        foreach (var closing in more)
        {
            session.Insert(closing);
        }

        var late = more.Where((_, i) => i % 4 == 0).ToList();
        foreach (var closing in late)
        {
            session.TryRetract(closing).ShouldBeTrue();
        }

        var present = closings.Except(early).Concat(more.Except(late)).ToHashSet(ReferenceEqualityComparer.Instance);
        closings.Concat(more).ShouldAllBe(c => session.Contains(c) == present.Contains(c));
        present.Cast<Closing>().ShouldAllBe(c => !session.TryInsert(c));
        early.Concat(late).ShouldAllBe(c => session.TryInsert(c));
        session.Matches(rule.Id).Count.ShouldBe(closings.Count + more.Count);
    }
}
