using System.Globalization;

namespace CampaignFlow.Server.WebConsole.Recording;

/// <summary>
/// What a recording form holds: as posted, or the defaults of a new one. Field names are the record format's keys
/// (<c>on</c>, <c>hours</c>, <c>participants</c>), attributes as <c>with.NAME</c> and people from outside the unit as
/// <c>externals.ROLE</c>, so a finding about a key names the field it comes from.
/// </summary>
public sealed record ActivityFormValues
{
    /// <summary>The prefix of an attribute's field.</summary>
    public const string WithPrefix = "with.";

    /// <summary>The prefix of an external role's field.</summary>
    public const string ExternalsPrefix = "externals.";

    /// <summary>The record's idempotency key, made when the form is drawn: posting it twice stores one record.</summary>
    public string Key { get; init; } = "";

    /// <summary>The day, yyyy-MM-dd (an HTML date input).</summary>
    public string On { get; init; } = "";

    /// <summary>The time it started, HH:mm, or empty.</summary>
    public string Time { get; init; } = "";

    /// <summary>How long, as the record format writes it (半天, 1天, 3小时, 4h), or empty.</summary>
    public string Hours { get; init; } = "";

    /// <summary>Roster ids of the people who took part.</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>People from outside the unit, by role, as typed.</summary>
    public IReadOnlyDictionary<string, string> Externals { get; init; } = new Dictionary<string, string>();

    /// <summary>Attributes, by name, as typed or chosen.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();

    /// <summary>The key of the stored occurrence this record evaluates (<c>concerns</c>), or empty.</summary>
    public string Concerns { get; init; } = "";

    /// <summary>The key of the stored occurrence this one is held again in place of (<c>replaces</c>), or empty.</summary>
    public string Replaces { get; init; } = "";

    /// <summary>A new form for <paramref name="kind"/> on <paramref name="day"/>, with a fresh key.</summary>
    /// <param name="kind">The activity kind.</param>
    /// <param name="day">The day to offer.</param>
    public static ActivityFormValues New(string kind, DateOnly day) => new()
    {
        Key = NewKey(kind, day),
        On = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>A key no record of the unit has: the kind, the day and random letters.</summary>
    /// <param name="kind">The activity kind.</param>
    /// <param name="day">The day.</param>
    public static string NewKey(string kind, DateOnly day) =>
        $"{kind}-{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}-{Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8]}";

    /// <summary>The values of a posted form.</summary>
    /// <param name="form">The form.</param>
    public static ActivityFormValues Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        string One(string name) => form.TryGetValue(name, out var value) ? (value.ToString() ?? "").Trim() : "";
        Dictionary<string, string> Prefixed(string prefix) => form.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && k.Length > prefix.Length)
            .ToDictionary(k => k[prefix.Length..], One, StringComparer.Ordinal);
        return new ActivityFormValues
        {
            Key = One("key"),
            On = One("on"),
            Time = One("time"),
            Hours = One("hours"),
            Concerns = One("concerns"),
            Replaces = One("replaces"),
            Participants = form.TryGetValue("participants", out var people) ? people.OfType<string>().Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToArray() : [],
            Externals = Prefixed(ExternalsPrefix),
            Attributes = Prefixed(WithPrefix),
        };
    }
}
