namespace CampaignFlow.Rules.Bench;

/// <summary>The three rules written by hand over lists: the answer every engine run is checked against.</summary>
public static class Oracle
{
    public static HashSet<Violation> Evaluate(IReadOnlyList<object> facts)
    {
        var hours = new Dictionary<(int, int), double>();
        var talks = new HashSet<(int, int, int)>();
        var leaders = new Dictionary<int, List<int>>();
        var weeks = new List<WeekClosed>();
        foreach (var fact in facts)
        {
            switch (fact)
            {
                case StudySession s:
                    hours[(s.Unit, s.Week)] = hours.GetValueOrDefault((s.Unit, s.Week)) + s.Hours;
                    break;
                case Talk t:
                    talks.Add((t.Unit, t.A, t.B));
                    break;
                case Leader l:
                    if (!leaders.TryGetValue(l.Unit, out var list))
                    {
                        leaders[l.Unit] = list = [];
                    }

                    list.Add(l.Id);
                    break;
                case WeekClosed w:
                    weeks.Add(w);
                    break;
            }
        }

        var violations = new HashSet<Violation>();
        foreach (var w in weeks)
        {
            if (!hours.TryGetValue((w.Unit, w.Week), out var sum))
            {
                violations.Add(new Violation("no-study", w.Unit, w.Week, 0));
            }
            else if (sum < 4)
            {
                violations.Add(new Violation("hours", w.Unit, w.Week, 0));
            }
        }

        foreach (var (unit, ids) in leaders)
        {
            foreach (var a in ids)
            {
                foreach (var b in ids)
                {
                    if (a < b && !talks.Contains((unit, a, b)))
                    {
                        violations.Add(new Violation("no-talk", unit, a, b));
                    }
                }
            }
        }

        return violations;
    }
}
