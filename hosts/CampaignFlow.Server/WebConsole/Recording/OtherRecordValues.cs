using System.Globalization;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// What a document, publication or ledger item form holds: the record's key (made when the form is drawn, so posting
/// twice stores one record), its day, and each field's value by the field's name (<see cref="RecordField.Name"/>).
/// </summary>
public sealed record OtherRecordValues
{
    /// <summary>The prefix of a ledger item's field.</summary>
    public const string WithPrefix = "with.";

    /// <summary>The record's idempotency key.</summary>
    public string Key { get; init; } = "";

    /// <summary>The day, yyyy-MM-dd.</summary>
    public string On { get; init; } = "";

    /// <summary>The fields' values, as typed or chosen.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>A new form on <paramref name="day"/>, with a fresh key.</summary>
    /// <param name="layout">The form.</param>
    /// <param name="day">The day to offer.</param>
    public static OtherRecordValues New(OtherRecordLayout layout, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return new OtherRecordValues
        {
            Key = ActivityFormValues.NewKey(OtherRecordLayout.Segment(layout.Type) + "-" + layout.Id, day),
            On = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The values of a posted form of <paramref name="layout"/>.</summary>
    /// <param name="layout">The form.</param>
    /// <param name="form">The form as posted.</param>
    public static OtherRecordValues Read(OtherRecordLayout layout, IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(form);
        string One(string name) => form.TryGetValue(name, out var value) ? (value.ToString() ?? "").Trim() : "";
        return new OtherRecordValues
        {
            Key = One("key"),
            On = One("on"),
            Fields = layout.Fields.ToDictionary(f => f.Name, f => One(f.Name), StringComparer.Ordinal),
        };
    }
}
