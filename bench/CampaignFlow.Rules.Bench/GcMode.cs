namespace CampaignFlow.Rules.Bench;

/// <summary>The garbage collector a child process runs under.</summary>
internal enum GcMode
{
    /// <summary>The workstation GC with background collections: .NET's default for a console process.</summary>
    Workstation,

    /// <summary>The workstation GC without background collections (<c>DOTNET_gcConcurrent=0</c>).</summary>
    Blocking,

    /// <summary>The server GC, as the campaign service runs.</summary>
    Server,
}
