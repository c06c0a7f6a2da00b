namespace CampaignFlow.Plans.Diagnostics;

/// <summary>Finds the known name a misspelt one was probably meant to be ("atleast" → "atLeast").</summary>
public static class NameSuggester
{
    /// <summary>The closest of <paramref name="known"/> to <paramref name="written"/>, or null if none is close.</summary>
    /// <param name="written">The name as written.</param>
    /// <param name="known">The names that would be valid here.</param>
    public static string? Closest(string written, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            if (string.Equals(candidate, written, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            var distance = Distance(written.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        // Beyond a third of the word, a "did you mean" confuses more than it helps.
        return best is not null && bestDistance <= Math.Max(1, Math.Min(3, written.Length / 3)) ? best : null;
    }

    // Edit distance where swapping two neighbouring letters counts as one edit ("titel" is one from "title").
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
