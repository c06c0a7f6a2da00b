using System.Globalization;
using CampaignFlow.Plans.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace CampaignFlow.Server.Api.Problems;

/// <summary>
/// Every error answer of the API: an RFC 9457 problem document whose <c>detail</c> is in the caller's language
/// (<see cref="ApiLanguage"/>), with a stable <c>code</c> and both languages in <c>messageZh</c>/<c>messageEn</c>.
/// The words come from the embedded <c>Api/Problems/messages.yaml</c>.
/// </summary>
public sealed class ApiProblems
{
    private static readonly MessageTemplates Templates =
        MessageTemplates.Load(typeof(ApiProblems).Assembly, "CampaignFlow.Server.Api.Problems.messages.yaml");

    /// <summary>Every message code.</summary>
    public static IEnumerable<string> Codes => Templates.Codes;

    /// <summary>Renders a message in <paramref name="culture"/>.</summary>
    /// <param name="code">The message code.</param>
    /// <param name="culture">Chinese or English.</param>
    /// <param name="arguments">Values for the placeholders.</param>
    public static string Text(string code, CultureInfo culture, params string[] arguments) => Templates.Format(code, arguments, culture);

    /// <summary>A problem answer.</summary>
    /// <param name="context">The request (for its language and path).</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="code">The message code.</param>
    /// <param name="arguments">Values for the placeholders.</param>
    public IResult Write(HttpContext context, int status, string code, params string[] arguments) =>
        Write(context, status, code, arguments, null);

    /// <summary>400 <c>bad-query</c>: a query parameter's value, the parameter, and what it should have been, in the caller's language.</summary>
    /// <param name="context">The request.</param>
    /// <param name="bad">What was wrong.</param>
    public IResult BadQuery(HttpContext context, (string Value, string Parameter, QueryExpectation Expected) bad) =>
        Write(context, StatusCodes.Status400BadRequest, "bad-query", culture => [bad.Value, bad.Parameter, bad.Expected.Text(culture)], null);

    /// <summary>A problem answer with findings about what the caller sent (each at its line and column).</summary>
    /// <param name="context">The request.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="code">The message code.</param>
    /// <param name="arguments">Values for the placeholders.</param>
    /// <param name="diagnostics">The findings.</param>
    public IResult Write(HttpContext context, int status, string code, string[] arguments, IReadOnlyList<PlanDiagnostic>? diagnostics) =>
        Write(context, status, code, _ => arguments, diagnostics);

    /// <summary>A problem answer whose values are themselves words in each language (a verb, a role).</summary>
    /// <param name="context">The request.</param>
    /// <param name="status">The HTTP status.</param>
    /// <param name="code">The message code.</param>
    /// <param name="arguments">The placeholders' values in a given language.</param>
    /// <param name="diagnostics">Findings about what the caller sent, or null.</param>
    public IResult Write(HttpContext context, int status, string code, Func<CultureInfo, string[]> arguments, IReadOnlyList<PlanDiagnostic>? diagnostics)
    {
        var culture = ApiLanguage.Of(context.Request);
        var problem = new ProblemDetails
        {
            Status = status,
            Title = Text(code, ApiLanguage.English, arguments(ApiLanguage.English)),
            Detail = Text(code, culture, arguments(culture)),
            Instance = context.Request.Path,
            Type = $"https://campaignflow.invalid/problems/{code}",
        };
        problem.Extensions["code"] = code;
        problem.Extensions["messageZh"] = Text(code, ApiLanguage.Chinese, arguments(ApiLanguage.Chinese));
        problem.Extensions["messageEn"] = Text(code, ApiLanguage.English, arguments(ApiLanguage.English));
        if (diagnostics is { Count: > 0 })
        {
            problem.Extensions["diagnostics"] = diagnostics.Select(d => DiagnosticView.Of(d, culture)).ToArray();
        }

        context.Response.Headers.ContentLanguage = ApiLanguage.Tag(culture);
        return Results.Problem(problem);
    }
}
