using CampaignFlow.Server.Api.Compliance;
using CampaignFlow.Server.Api.Problems;

namespace CampaignFlow.Server.Api.Groups;

/// <summary>Which page of a supervision group's units to show: a group of a district covers thousands.</summary>
/// <param name="Page">The page, from 1.</param>
/// <param name="PageSize">Units per page.</param>
public sealed record GroupWorkPaging(int Page, int PageSize)
{
    /// <summary>Units per page when the query does not say: a screen's worth, the most behind first.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The most units a page holds, as the other lists of the API.</summary>
    public const int MaxPageSize = ComplianceQuery.MaxLimit;

    /// <summary>The first page of the default size.</summary>
    public static GroupWorkPaging First { get; } = new(1, DefaultPageSize);

    /// <summary>How many units the pages before this one hold.</summary>
    public int Skip => (int)Math.Min(int.MaxValue, (long)(Page - 1) * PageSize);

    /// <summary>The paging, or null with the bad value, the parameter and what would be right.</summary>
    /// <param name="query">The query string as written.</param>
    /// <param name="problem">When the result is null: what is wrong.</param>
    public static GroupWorkPaging? Read(GroupWorkQueryParameters query, out (string Value, string Parameter, QueryExpectation Expected)? problem)
    {
        ArgumentNullException.ThrowIfNull(query);
        problem = null;
        return ComplianceQuery.Whole(query.Page, "page", 1, int.MaxValue, 1, out var page, ref problem)
               && ComplianceQuery.Whole(query.PageSize, "pageSize", 1, MaxPageSize, DefaultPageSize, out var size, ref problem)
            ? new GroupWorkPaging(page, size)
            : null;
    }
}
