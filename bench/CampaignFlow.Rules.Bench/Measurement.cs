using System.Globalization;

namespace CampaignFlow.Rules.Bench;

/// <summary>The figures of one configuration, passed from a child process to the suite as one line.</summary>
public sealed class Measurement
{
    public string Mode { get; set; } = "";
    public int Units { get; set; }
    public int Facts { get; set; }
    public double CompileMs { get; set; }
    public double InsertMs { get; set; }
    public double FireMs { get; set; }
    public double TotalMs => InsertMs + FireMs;
    public int Violations { get; set; }
    public bool MatchesOracle { get; set; }
    public double OneMoreFactUs { get; set; }
    public double PeakMb { get; set; }
    public double BytesPerFact { get; set; }
    public double GcPauseMs { get; set; }

    /// <summary>CPU time of the process (every thread, the GC's included) while sessions were filled and fired.</summary>
    public double RunCpuMs { get; set; }

    /// <summary>GC pauses while sessions were filled and fired.</summary>
    public double RunGcPauseMs { get; set; }

    /// <summary>Collections of generation 0, 1 and 2 while sessions were filled and fired.</summary>
    public string RunCollections { get; set; } = "";

    /// <summary>Bytes allocated, in MB, while sessions were filled and fired: what the young generation had to take.</summary>
    public double RunAllocatedMb { get; set; }

    public string ToLine() => string.Join('|',
        "RESULT", Mode, Units, Facts, F(CompileMs), F(InsertMs), F(FireMs), Violations, MatchesOracle, F(OneMoreFactUs), F(PeakMb), F(BytesPerFact), F(GcPauseMs), F(RunCpuMs), F(RunGcPauseMs), RunCollections, F(RunAllocatedMb));

    public static Measurement Parse(string line)
    {
        var p = line.Split('|');
        double D(int i) => double.Parse(p[i], CultureInfo.InvariantCulture);
        return new Measurement
        {
            Mode = p[1],
            Units = int.Parse(p[2], CultureInfo.InvariantCulture),
            Facts = int.Parse(p[3], CultureInfo.InvariantCulture),
            CompileMs = D(4),
            InsertMs = D(5),
            FireMs = D(6),
            Violations = int.Parse(p[7], CultureInfo.InvariantCulture),
            MatchesOracle = bool.Parse(p[8]),
            OneMoreFactUs = D(9),
            PeakMb = D(10),
            BytesPerFact = D(11),
            GcPauseMs = D(12),
            RunCpuMs = D(13),
            RunGcPauseMs = D(14),
            RunCollections = p[15],
            RunAllocatedMb = D(16),
        };
    }

    private static string F(double d) => d.ToString("0.###", CultureInfo.InvariantCulture);
}
