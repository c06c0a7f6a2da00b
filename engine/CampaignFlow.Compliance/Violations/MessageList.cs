using System.Globalization;

namespace CampaignFlow.Compliance.Violations;

/// <summary>
/// Several messages as one value of a violation's message: a record out of order in more than one way is said as each
/// way's own sentence, in the reader's language, rather than as the evidence's data (<c>mobilization: none before
/// 2014-03-03</c>). Values are stored with the violation and rendered when read, so the list keeps each sentence's
/// code and values, not its words.
/// </summary>
public static class MessageList
{
    // Characters no title, id or day contains: the list's mark, and its separators between sentences and values.
    private const char Mark = '\u0002';
    private const char BetweenSentences = '\u001E';
    private const char BetweenValues = '\u001F';

    /// <summary>The sentences as one value.</summary>
    /// <param name="sentences">Each sentence's message code and its values.</param>
    public static string Of(IEnumerable<(string Code, IReadOnlyList<string> Arguments)> sentences) =>
        Mark + string.Join(BetweenSentences, sentences.Select(s => string.Join(BetweenValues, [s.Code, .. s.Arguments])));

    /// <summary>True when <paramref name="value"/> is a list of sentences.</summary>
    /// <param name="value">A value of a violation's message.</param>
    public static bool Is(string value) => value.Length > 0 && value[0] == Mark;

    /// <summary>Each sentence of the list in <paramref name="culture"/>, its values put into words by <paramref name="word"/>, joined as the language joins clauses.</summary>
    /// <param name="value">The list.</param>
    /// <param name="word">A value in the reader's words.</param>
    /// <param name="culture">The reader's culture.</param>
    public static string Format(string value, Func<string, string> word, CultureInfo culture) =>
        string.Join(Plans.Diagnostics.MessageTemplates.IsChinese(culture) ? "；" : "; ", value[1..].Split(BetweenSentences).Select(sentence =>
        {
            var parts = sentence.Split(BetweenValues);
            return ViolationMessages.Templates.Format(parts[0], parts[1..].Select(word).ToArray(), culture);
        }));
}
