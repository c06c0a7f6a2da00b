using CampaignFlow.Plans.Text;

namespace CampaignFlow.Plans.Syntax;

/// <summary>
/// The scalar types of the plan model that have a grammar of their own, each with its parser and a line for
/// the JSON Schema: one table, so the reader and the schema cannot disagree.
/// </summary>
public static class TextSyntax
{
    private delegate bool Parser(string text, out object value, out TextError error);

    private static readonly Dictionary<Type, (Parser Parse, string Description)> Grammars = new()
    {
        [typeof(Period)] = (Untyped<Period>(Period.TryParse), "A period: 2月中下旬-4月下旬, 5月上旬, 2月10日至20日, 2月28日前, 2013年7月-2014年1月, 2014-02-11..2014-04-30."),
        [typeof(Quantity)] = (Untyped<Quantity>(Quantity.TryParse), "An amount: 半天, 1天, 4小时, 4h, 0.5d, 3个工作日, 4学时, 45分钟, 一周, 3个月, P3M, 4次, 20场, 1200名."),
        [typeof(TimeOfDay)] = (Untyped<TimeOfDay>(TimeOfDay.TryParse), "A time of day: 15:00, 9:30, 下午3点, 14点30分."),
        [typeof(Fraction)] = (Untyped<Fraction>(Fraction.TryParse), "A share: 三分之一, 1/3, 33%, 0.33."),
        [typeof(ReworkCondition)] = (Untyped<ReworkCondition>(ReworkCondition.TryParse), "A re-work condition: unsatisfied >= 1/3, returned, failed."),
    };

    /// <summary>True when <paramref name="type"/> is read by a grammar of this table.</summary>
    /// <param name="type">A property type of the plan model.</param>
    public static bool Handles(Type type) => Grammars.ContainsKey(type);

    /// <summary>The schema description of the grammar for <paramref name="type"/>.</summary>
    /// <param name="type">A type this table handles.</param>
    public static string Describe(Type type) => Grammars[type].Description;

    /// <summary>Reads <paramref name="text"/> as a <paramref name="type"/>.</summary>
    /// <param name="type">A type this table handles.</param>
    /// <param name="text">The scalar as written.</param>
    /// <param name="value">The value read.</param>
    /// <param name="error">Why it could not be read.</param>
    public static bool TryParse(Type type, string text, out object value, out TextError error) =>
        Grammars[type].Parse(text, out value, out error);

    private delegate bool TypedParser<T>(string text, out T value, out TextError error);

    private static Parser Untyped<T>(TypedParser<T> parse)
        where T : class =>
        (string text, out object value, out TextError error) =>
        {
            var ok = parse(text, out var typed, out error);
            value = typed;
            return ok;
        };
}
