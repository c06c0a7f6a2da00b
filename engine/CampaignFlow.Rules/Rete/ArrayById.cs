namespace CampaignFlow.Rules.Rete;

/// <summary>Growth of the arrays in which nodes keep what they know by fact or token id.</summary>
internal static class ArrayById
{
    /// <summary>
    /// Makes <paramref name="array"/> long enough for index <paramref name="id"/>, at least doubling it: ids are handed
    /// out smallest first, so arrays grow one id at a time and doubling keeps that amortised constant.
    /// </summary>
    public static void Cover<T>(ref T[] array, int id)
    {
        if (id >= array.Length)
        {
            Array.Resize(ref array, Math.Max(id + 1, Math.Max(16, array.Length * 2)));
        }
    }
}
