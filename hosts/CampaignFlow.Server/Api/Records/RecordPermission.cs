using CampaignFlow.Campaigns.Service;
using CampaignFlow.Server.Security;

namespace CampaignFlow.Server.Api.Records;

/// <summary>
/// Whether a caller may send each record to a route: a recorder writes its unit's own records, including the
/// unit's internal reviews (by its principal…); only the supervision group's reviewer writes a review
/// <c>by: supervisor</c>; <c>/documents</c> and <c>/reviews</c> take only their own type. The first refusal is
/// the answer, as a message code with its values and a status.
/// </summary>
public static class RecordPermission
{
    /// <summary>The first record the caller may not send here, or null when all may be sent.</summary>
    /// <param name="shapes">The records.</param>
    /// <param name="route">The route they were sent to.</param>
    /// <param name="caller">Who sends them.</param>
    /// <param name="unit">For which unit.</param>
    public static (int Status, string Code, string[] Arguments)? FirstRefusal(IReadOnlyList<RecordShape> shapes, RecordRoute route, Caller caller, CampaignUnit unit)
    {
        foreach (var shape in shapes)
        {
            var line = shape.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var type = shape.Type ?? "record";
            switch (route)
            {
                case RecordRoute.Documents when shape.Type != "document":
                    return (StatusCodes.Status422UnprocessableEntity, "record-type-not-here", [shape.Key, line, type, "document"]);
                case RecordRoute.Reviews when shape.Type != "review":
                    return (StatusCodes.Status422UnprocessableEntity, "record-type-not-here", [shape.Key, line, type, "review"]);
            }

            if (shape.IsSupervisorReview)
            {
                if (!caller.CanSupervise(unit))
                {
                    return (StatusCodes.Status403Forbidden, "review-needs-reviewer", [shape.Key, line]);
                }
            }
            else if (!caller.CanRecord(unit))
            {
                return shape.Type == "review"
                    ? (StatusCodes.Status403Forbidden, "review-not-supervisor", [shape.Key, line, shape.By ?? "?"])
                    : (StatusCodes.Status403Forbidden, "record-type-not-here", [shape.Key, line, type, "review (by: supervisor)"]);
            }
        }

        return null;
    }
}
