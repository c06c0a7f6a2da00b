using System.Diagnostics;

namespace CampaignFlow.Rules.Bench;

/// <summary>
/// CPU time and GC work over filling and firing sessions only: on shared cores wall clock follows the other load,
/// and the process's figures include start-up, the facts and the oracle that every mode pays alike.
/// </summary>
public readonly struct RunClock
{
    private readonly TimeSpan _cpu;
    private readonly TimeSpan _pause;
    private readonly int _gen0;
    private readonly int _gen1;
    private readonly int _gen2;
    private readonly long _allocated;

    private RunClock(TimeSpan cpu, TimeSpan pause, int gen0, int gen1, int gen2, long allocated)
    {
        _allocated = allocated;
        _cpu = cpu;
        _pause = pause;
        _gen0 = gen0;
        _gen1 = gen1;
        _gen2 = gen2;
    }

    public static RunClock Start() => new(
        Process.GetCurrentProcess().TotalProcessorTime,
        GC.GetTotalPauseDuration(),
        GC.CollectionCount(0),
        GC.CollectionCount(1),
        GC.CollectionCount(2),
        GC.GetTotalAllocatedBytes(precise: true));

    public void Stop(Measurement m)
    {
        m.RunCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - _cpu).TotalMilliseconds;
        m.RunGcPauseMs = (GC.GetTotalPauseDuration() - _pause).TotalMilliseconds;
        m.RunAllocatedMb = (GC.GetTotalAllocatedBytes(precise: true) - _allocated) / 1024.0 / 1024.0;
        m.RunCollections = $"{GC.CollectionCount(0) - _gen0}/{GC.CollectionCount(1) - _gen1}/{GC.CollectionCount(2) - _gen2}";
    }
}
