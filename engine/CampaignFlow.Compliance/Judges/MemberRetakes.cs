using CampaignFlow.Compliance.Records;

namespace CampaignFlow.Compliance.Judges;

/// <summary>
/// 不达标者补课: when a test names who failed it, only they re-take it, each on their own. A member who failed owes a
/// later test of the kind that they sit and pass — by the day the examiner set, when one was set; passing later than
/// that is late. Members who passed are bound to nothing more.
/// </summary>
internal static class MemberRetakes
{
    /// <summary>True when any of <paramref name="tests"/> names the members who failed it, so re-takes are judged per member.</summary>
    public static bool PerMember(IEnumerable<UnitRecord> tests) => tests.OfType<ActivityRecord>().Any(t => t.Failed.Count > 0);

    /// <summary>
    /// The members who still owe a passed re-take (with the day they failed and the day it is due) and those who passed
    /// it late (with the day they did and the day it was due), in the order they failed.
    /// </summary>
    /// <param name="tests">The tests of the kind in the window, any order.</param>
    public static (IReadOnlyList<(string Member, ActivityRecord Failed)> Owed, IReadOnlyList<(string Member, ActivityRecord Failed, ActivityRecord Passed)> Late) Judge(IEnumerable<UnitRecord> tests)
    {
        var owed = new Dictionary<string, ActivityRecord>(StringComparer.Ordinal);
        var order = new List<string>();
        var late = new List<(string, ActivityRecord, ActivityRecord)>();
        foreach (var test in tests.OfType<ActivityRecord>().OrderBy(t => t.Day).ThenBy(t => t.Time ?? TimeOnly.MinValue).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            foreach (var member in test.Participants)
            {
                if (test.Failed.Contains(member))
                {
                    // Failing again keeps the first failure's day, and takes the new test's deadline where it sets one.
                    owed[member] = owed.TryGetValue(member, out var earlier) && test.Due is null ? earlier : test;
                    if (!order.Contains(member))
                    {
                        order.Add(member);
                    }
                }
                else if (owed.Remove(member, out var failed) && failed.Due is { } due && test.Day > due)
                {
                    late.Add((member, failed, test));
                }
            }
        }

        return (order.Where(owed.ContainsKey).Select(m => (m, owed[m])).ToArray(), late);
    }
}
