using System.Runtime.CompilerServices;

namespace CampaignFlow.Rules.Rete;

/// <summary>
/// An array by fact or token id, in pages of about 64 KB: what a node keeps per id. The first page grows by doubling,
/// as a small session needs; once it is full, further pages are added whole and nothing is ever copied again.
/// </summary>
/// <remarks>
/// One array doubled to a million ids was copied twenty times, each copy a new array on the large-object heap:
/// memory the kernel had to fault in and clear, and large-object allocations that brought on full collections of the
/// whole session (issue 15). Pages stay below the large-object threshold, a session's last page is its only slack,
/// and a reference into a page stays valid while more ids are covered. A mutable struct: keep it in a field, never
/// copy it.
/// </remarks>
/// <typeparam name="T">What is kept per id.</typeparam>
internal struct PagedArray<T>
{
    // At most 64 KB a page (65,536 bytes / the element size rounded up to a power of two): under the 85,000-byte
    // large-object threshold.
    private static readonly int Shift = 16 - System.Numerics.BitOperations.Log2(System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Unsafe.SizeOf<T>()));
    private static readonly int PageSize = 1 << Shift;

    private T[][]? _pages;

    // Pages in use; the directory may be longer.
    private int _pageCount;

    /// <summary>How many ids are covered: every id below it can be read.</summary>
    public readonly int Length => _pageCount == 0 ? 0 : ((_pageCount - 1) << Shift) + _pages![_pageCount - 1].Length;

    /// <summary>The element of an id below <see cref="Length"/>.</summary>
    /// <param name="id">The id.</param>
    public readonly ref T this[int id] => ref _pages![id >> Shift][id & (PageSize - 1)];

    /// <summary>Makes the array long enough for <paramref name="id"/>; ids are handed out smallest first.</summary>
    /// <param name="id">The id.</param>
    public void Cover(int id)
    {
        if (id < Length)
        {
            return;
        }

        _pages ??= new T[1][];
        var page = id >> Shift;
        if (page == 0)
        {
            var size = Math.Min(PageSize, Math.Max(16, (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)id + 1)));
            Array.Resize(ref _pages[0], size);
            _pageCount = 1;
            return;
        }

        Array.Resize(ref _pages[0], PageSize);
        if (page >= _pages.Length)
        {
            Array.Resize(ref _pages, Math.Max(page + 1, _pages.Length * 2));
        }

        for (var p = Math.Max(1, _pageCount); p <= page; p++)
        {
            _pages[p] = new T[PageSize];
        }

        _pageCount = page + 1;
    }
}
