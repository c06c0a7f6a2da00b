using System.Globalization;
using System.Text;

namespace CampaignFlow.Rules.Bench;

/// <summary>The facts of the benchmark, generated from a seed or read from CSV (<c>kind,unit,a,b,value</c>).</summary>
public sealed class Workload(IReadOnlyList<object> facts)
{
    public const int LeadersPerUnit = 5;
    public const int Weeks = 26;

    public IReadOnlyList<object> Facts { get; } = facts;

    public static int UnitOf(object fact) => fact switch
    {
        Leader l => l.Unit,
        StudySession s => s.Unit,
        Talk t => t.Unit,
        WeekClosed w => w.Unit,
        _ => throw new ArgumentException(fact.ToString()),
    };

    /// <summary>Facts grouped by unit, in file order within each unit.</summary>
    public List<List<object>> ByUnit() =>
        Facts.GroupBy(UnitOf).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();

    public int UnitCount => Facts.Select(UnitOf).Distinct().Count();

    public static Workload Generate(int units, int seed)
    {
        var random = new Random(seed);
        var facts = new List<object>(units * 90);
        for (var u = 1; u <= units; u++)
        {
            for (var l = 1; l <= LeadersPerUnit; l++)
            {
                facts.Add(new Leader(u, l));
            }

            for (var w = 1; w <= Weeks; w++)
            {
                // About 10 % of unit-weeks have no session; the others have 1-3 sessions of 1-3 hours.
                var sessions = random.NextDouble() < 0.1 ? 0 : random.Next(1, 4);
                for (var s = 0; s < sessions; s++)
                {
                    facts.Add(new StudySession(u, w, random.Next(1, 4)));
                }

                facts.Add(new WeekClosed(u, w));
            }

            for (var a = 1; a <= LeadersPerUnit; a++)
            {
                for (var b = a + 1; b <= LeadersPerUnit; b++)
                {
                    if (random.NextDouble() < 0.9)
                    {
                        facts.Add(new Talk(u, a, b));
                    }
                }
            }
        }

        return new Workload(facts);
    }

    public void Write(string path)
    {
        var text = new StringBuilder("kind,unit,a,b,value\n");
        foreach (var fact in Facts)
        {
            text.Append(fact switch
            {
                Leader l => $"leader,{l.Unit},{l.Id},,",
                StudySession s => $"session,{s.Unit},{s.Week},,{s.Hours.ToString(CultureInfo.InvariantCulture)}",
                Talk t => $"talk,{t.Unit},{t.A},{t.B},",
                WeekClosed w => $"week,{w.Unit},{w.Week},,",
                _ => throw new ArgumentException(fact.ToString()),
            }).Append('\n');
        }

        File.WriteAllText(path, text.ToString());
    }

    public static Workload Read(string path)
    {
        var facts = new List<object>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var f = line.Split(',');
            int I(int i) => int.Parse(f[i], CultureInfo.InvariantCulture);
            facts.Add(f[0] switch
            {
                "leader" => new Leader(I(1), I(2)),
                "session" => new StudySession(I(1), I(2), double.Parse(f[4], CultureInfo.InvariantCulture)),
                "talk" => new Talk(I(1), I(2), I(3)),
                "week" => new WeekClosed(I(1), I(2)),
                _ => throw new FormatException($"Unknown fact kind in line: {line}"),
            });
        }

        return new Workload(facts);
    }
}
