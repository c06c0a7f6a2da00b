using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// How a test records its outcome — <c>result: failed</c> (不达标) or <c>passed: false</c> — read by the re-work judge
/// and by the workflow waiting for the verdict, so both read the same attributes.
/// </summary>
public static class TestOutcome
{
    /// <summary>The attribute naming the outcome: <c>passed</c>, <c>failed</c>, <c>不达标</c>…</summary>
    public const string Result = "result";

    /// <summary>The attribute saying whether it passed: <c>true</c> or <c>false</c>.</summary>
    public const string Passed = "passed";

    /// <summary>True when <paramref name="occurrence"/> records an outcome at all.</summary>
    /// <param name="occurrence">A record.</param>
    public static bool IsRecorded(UnitRecord occurrence) =>
        occurrence is ActivityRecord a && (a.Attributes.ContainsKey(Result) || a.Attributes.ContainsKey(Passed) || a.Failed.Count > 0);

    /// <summary>True when <paramref name="occurrence"/> records a failed outcome.</summary>
    /// <param name="occurrence">A record.</param>
    /// <remarks>A test that names who failed (<see cref="ActivityRecord.Failed"/>) is failed by them, and re-taken by them alone.</remarks>
    public static bool IsFailed(UnitRecord occurrence) =>
        occurrence is ActivityRecord test
        && (test.Failed.Count > 0 || (test.Attributes.TryGetValue(Result, out var result) && result is "failed" or "fail" or "不达标")
            || (test.Attributes.TryGetValue(Passed, out var passed) && string.Equals(passed, "false", StringComparison.OrdinalIgnoreCase)));
}
