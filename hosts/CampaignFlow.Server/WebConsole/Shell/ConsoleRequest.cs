using System.Globalization;
using CampaignFlow.Compliance.Timing;
using CampaignFlow.Server.Security;
using CampaignFlow.Server.WebConsole.Text;

namespace CampaignFlow.Server.WebConsole.Shell;

/// <summary>
/// What every console page needs of its request: the reader's language and words, dates and times in the server's zone
/// (<see cref="ShownTime"/>), who signed in (the
/// API's <see cref="Security.Caller"/> for the cookie's grant) and the answer's status code. One per request.
/// </summary>
/// <param name="accessor">The current request (pages render inside it: static rendering, no circuit).</param>
/// <param name="units">The running units, for the caller's rights.</param>
/// <param name="time">The zone times are shown in.</param>
public sealed class ConsoleRequest(IHttpContextAccessor accessor, UnitDirectory units, ShownTime time)
{
    private Caller? _caller;

    /// <summary>The request.</summary>
    public HttpContext Http => accessor.HttpContext ?? throw new InvalidOperationException("A console page rendered outside a request.");

    /// <summary>The reader's language.</summary>
    public CultureInfo Culture => ConsoleLanguage.Of(Http.Request);

    /// <summary>zh-CN or en, for <c>&lt;html lang&gt;</c>.</summary>
    public string LanguageTag => ConsoleLanguage.Tag(Culture);

    /// <summary>True when the page is in Chinese.</summary>
    public bool IsChinese => LanguageTag == ConsoleLanguage.ChineseTag;

    /// <summary>
    /// Who signed in, with the API's rights; null on the pages anyone may open (sign-in). The cookie handler puts the
    /// grant where the bearer handler puts it, so this is the same <see cref="Security.Caller"/> the API builds.
    /// </summary>
    public Caller? Caller => _caller ??= Http.Items[typeof(TokenGrant)] is TokenGrant grant ? new Caller(grant, units) : null;

    /// <summary>A word or sentence of the catalogue in the reader's language.</summary>
    /// <param name="code">The message code.</param>
    /// <param name="arguments">Values for the placeholders.</param>
    public string T(string code, params string[] arguments) => ConsoleText.Format(code, Culture, arguments);

    /// <summary>A day, as the reader writes it.</summary>
    /// <param name="day">The day.</param>
    public string Day(DateOnly day) => ShownTime.Day(day, Culture);

    /// <summary>
    /// A violation's period as the reader says it: a week, month, quarter or year by its name with its days
    /// (2014年第10周（2014年3月3日至2014年3月9日）); in Chinese any other period (an id such as window) by its days alone.
    /// </summary>
    /// <param name="label">The period's label.</param>
    /// <param name="start">Its first day.</param>
    /// <param name="end">Its last day.</param>
    public string Period(string label, DateOnly start, DateOnly end) =>
        PeriodLabel.IsCalendar(label) || !IsChinese ? T("violation-period", PeriodLabel.Format(label, Culture), Day(start), Day(end))
        : start == end ? Day(start)
        : T("next-days", Day(start), Day(end));

    /// <summary>A moment in the server's zone (Beijing time unless told otherwise).</summary>
    /// <param name="moment">The moment.</param>
    public string Moment(DateTimeOffset moment) => time.Moment(moment, Culture);

    /// <summary>What the zone times are shown in is called, as the reader says it (北京时间, or the zone's id).</summary>
    public string ZoneName => time.IsBeijing ? T("zone-beijing") : T("zone-named", time.Zone.Id);

    /// <summary>The reader's today at <paramref name="moment"/>, in the server's zone.</summary>
    /// <param name="moment">The moment.</param>
    public DateOnly DayOf(DateTimeOffset moment) => time.DayOf(moment);

    /// <summary>A whole number as the reader writes it.</summary>
    /// <param name="value">The number.</param>
    public string Number(int value) => value.ToString("N0", Culture);

    /// <summary>Sets the status code of the answer (a refusal is a 4xx page, never a 200 that says no).</summary>
    /// <param name="status">The status code.</param>
    public void Answer(int status)
    {
        var response = Http.Response;
        if (response.HasStarted)
        {
            return;
        }

        // Set as the answer starts, not now: Blazor (.NET 10) renders no body for a page whose status is 404 while it
        // renders, expecting a re-executed not-found page, and the reader would lose the page's own reason.
        response.OnStarting(() =>
        {
            response.StatusCode = status;
            return Task.CompletedTask;
        });
    }
}
