using System.Globalization;
using CampaignFlow.Campaigns.Service;
using CampaignFlow.Compliance.Records;
using CampaignFlow.Plans.Resolution;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Records;

/// <summary>
/// Whether a caller may send each record to a route, judged on the records as the campaign service read them — so
/// no way of writing a body (a whole log, a CSV quirk) can show the API one record and the service another. A
/// recorder writes its unit's own records, including the unit's internal reviews (by its principal…); only the
/// supervision group's reviewer writes a review by <c>supervisor</c> or by any other role the plan declares external
/// (督导组组长, 上级纪检机关同志); <c>/documents</c> and <c>/reviews</c> take only their own type.
/// </summary>
public static class RecordRights
{
    /// <summary>The role of the supervision group in review chains.</summary>
    public const string SupervisorRole = "supervisor";

    /// <summary>The policy for <paramref name="caller"/> sending records to <paramref name="route"/> of <paramref name="unit"/>.</summary>
    /// <param name="route">The route.</param>
    /// <param name="caller">Who sends them.</param>
    /// <param name="unit">For which unit.</param>
    /// <param name="plan">The unit's plan, whose vocabulary says which roles are outside the unit.</param>
    public static RecordPolicy For(RecordRoute route, Caller caller, CampaignUnit unit, ResolvedPlan? plan) => (record, at) =>
    {
        var line = at.Line.ToString(CultureInfo.InvariantCulture);
        var type = TypeOf(record);
        switch (route)
        {
            case RecordRoute.Documents when record is not DocumentRecord:
                return new RecordRefusal("record-type-not-here", [record.Key, line, type, "document"], Forbidden: false);
            case RecordRoute.Reviews when record is not ReviewRecord:
                return new RecordRefusal("record-type-not-here", [record.Key, line, type, "review"], Forbidden: false);
        }

        // A unit must not approve for the people outside it who check it.
        if (record is ReviewRecord review && (string.Equals(review.Role, SupervisorRole, StringComparison.OrdinalIgnoreCase)
                                              || (plan?.Vocabulary.Roles.TryGetValue(review.Role, out var role) == true && role.External)))
        {
            return caller.CanSupervise(unit) ? null : new RecordRefusal("review-needs-reviewer", [record.Key, line], Forbidden: true);
        }

        if (caller.CanRecord(unit))
        {
            return null;
        }

        return record is ReviewRecord other
            ? new RecordRefusal("review-not-supervisor", [record.Key, line, other.Role], Forbidden: true)
            : new RecordRefusal("record-type-not-here", [record.Key, line, type, "review (by: supervisor)"], Forbidden: true);
    };

    /// <summary>What a record is, in the words of the record format (<c>activity</c>, <c>review</c>, <c>publish</c>…).</summary>
    /// <param name="record">A record.</param>
    public static string TypeOf(UnitRecord record) => record switch
    {
        ActivityRecord => "activity",
        DocumentRecord => "document",
        ReviewRecord => "review",
        PublicationRecord => "publish",
        LedgerItemRecord => "ledger",
        ExceptionRecord => "exception",
        _ => "record",
    };
}
