using System.Globalization;

namespace CampaignFlow.Server.Api.Bodies;

/// <summary>Why a small JSON request body could not be bound: text that is not JSON, or a field of the wrong type.</summary>
/// <param name="Malformed">True when the text is not JSON; false when it is, but a field's value has the wrong type.</param>
/// <param name="Line">The line (from 1) where the reader stopped.</param>
/// <param name="Column">The column (from 1, in bytes) where the reader stopped.</param>
/// <param name="Detail">The JSON reader's reason when <paramref name="Malformed"/>, else the field (<c>units</c>, <c>units[0]</c>).</param>
public sealed record JsonRequestError(bool Malformed, int Line, int Column, string Detail)
{
    /// <summary>The line, as the problem catalogue's arguments take it.</summary>
    public string LineText => Line.ToString(CultureInfo.InvariantCulture);

    /// <summary>The column, as the problem catalogue's arguments take it.</summary>
    public string ColumnText => Column.ToString(CultureInfo.InvariantCulture);
}
