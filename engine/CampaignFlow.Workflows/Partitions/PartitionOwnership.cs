namespace CampaignFlow.Workflows.Partitions;

/// <summary>
/// Which partitions this host works. Without a lease store, all of them (one host on its store). With one, each
/// <see cref="RenewAsync"/> renews this host's leases, gives back what exceeds its fair share (partitions / live hosts,
/// rounded up) when another host has appeared, and takes free partitions or those whose lease ran out (a host that
/// died) up to that share.
/// </summary>
/// <remarks>
/// A partition given back is unowned until another host's next renewal takes it: its timers wait that long, none is
/// lost. A host that holds no lease yet works nothing; a host that stops renewing loses its partitions when their
/// leases run out, and whoever takes them catches their instances up.
/// </remarks>
public sealed class PartitionOwnership
{
    private readonly IPartitionLeaseStore? _store;
    private readonly SemaphoreSlim _renewing = new(1, 1);
    private volatile OwnedPartitions _current;
    private volatile PartitionLeaseView _view;
    private bool _joined;

    /// <summary>A host's ownership of <paramref name="scheme"/>'s partitions.</summary>
    /// <param name="scheme">How keys map to partitions.</param>
    /// <param name="hostId">This host's name in the leases.</param>
    /// <param name="store">The leases shared with other hosts; null: this host works every partition.</param>
    /// <param name="lease">How long a lease lasts unless renewed.</param>
    public PartitionOwnership(PartitionScheme scheme, string hostId, IPartitionLeaseStore? store, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        ArgumentException.ThrowIfNullOrWhiteSpace(hostId);
        if (lease <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(lease), lease, "a lease lasts some time");
        }

        (Scheme, HostId, _store, Lease) = (scheme, hostId, store, lease);
        _current = store is null ? OwnedPartitions.All(scheme) : OwnedPartitions.Leased(scheme, []);
        _view = new PartitionLeaseView(new Dictionary<int, string>(), [hostId]);
    }

    /// <summary>How keys map to partitions.</summary>
    public PartitionScheme Scheme { get; }

    /// <summary>This host's name in the leases.</summary>
    public string HostId { get; }

    /// <summary>How long a lease lasts unless renewed.</summary>
    public TimeSpan Lease { get; }

    /// <summary>How often a host renews: a third of the lease, so two renewals may fail before it runs out.</summary>
    public TimeSpan RenewEvery => Lease / 3;

    /// <summary>True when partitions are leased among hosts; false when this host works them all.</summary>
    public bool IsLeased => _store is not null;

    /// <summary>The partitions this host works now.</summary>
    public OwnedPartitions Current => _current;

    /// <summary>The hosts alive at the last renewal (just this one without a lease store).</summary>
    public IReadOnlyList<string> LiveHosts => _view.LiveHosts;

    /// <summary>
    /// The host working the partition of <paramref name="correlationKey"/> as of the last renewal: this host when it
    /// works every partition, null when the partition is between owners.
    /// </summary>
    public string? OwnerOf(string correlationKey)
    {
        if (_store is null)
        {
            return HostId;
        }

        var partition = Scheme.PartitionOf(correlationKey);
        return _current.Contains(partition) ? HostId : _view.Owners.GetValueOrDefault(partition);
    }

    /// <summary>
    /// Gives back every partition this host holds and leaves the live hosts, for a host stopping on purpose: the others
    /// take its partitions at their next renewal instead of waiting for its leases to run out. It works none after.
    /// </summary>
    public async Task LeaveAsync(CancellationToken cancellationToken = default)
    {
        if (_store is null)
        {
            return;
        }

        await _renewing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _current = OwnedPartitions.Leased(Scheme, []);
            await _store.LeaveAsync(HostId, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _renewing.Release();
        }
    }

    /// <summary>Renews, re-balances and takes over as the type describes; returns the partitions now worked. One renewal at a time.</summary>
    /// <exception cref="PartitionCountMismatchException">At the first renewal: a live host sharing the store splits the keys into another number of partitions.</exception>
    public async Task<OwnedPartitions> RenewAsync(CancellationToken cancellationToken = default)
    {
        if (_store is null)
        {
            return _current;
        }

        await _renewing.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_joined)
            {
                // Hosts splitting the keys into different counts would each work partitions the others' keys do not map
                // to: some units worked twice, others by nobody. The first renewal refuses before taking anything.
                var counts = await _store.JoinAsync(HostId, Scheme.Count, Lease, cancellationToken).ConfigureAwait(false);
                if (counts.FirstOrDefault(c => c.Value != Scheme.Count) is { Key: { } other, Value: var count })
                {
                    await _store.LeaveAsync(HostId, cancellationToken).ConfigureAwait(false);
                    throw new PartitionCountMismatchException(HostId, Scheme.Count, other, count);
                }

                _joined = true;
            }

            var view = await _store.RenewAsync(HostId, Lease, cancellationToken).ConfigureAwait(false);
            var hosts = Math.Max(1, view.LiveHosts.Count);
            var share = (Scheme.Count + hosts - 1) / hosts;
            var mine = view.Owners.Where(o => o.Value == HostId).Select(o => o.Key).Order().ToList();
            if (mine.Count > share)
            {
                // The highest go back, so that the partitions a host keeps do not depend on when it renews.
                var excess = mine.Skip(share).ToArray();
                await _store.ReleaseAsync(HostId, excess, cancellationToken).ConfigureAwait(false);
                mine = [.. mine.Take(share)];
            }
            else if (mine.Count < share)
            {
                // Free partitions are tried from a place of this host's own, so hosts joining together do not all race for partition 0.
                var start = Scheme.PartitionOf(HostId);
                var free = Enumerable.Range(0, Scheme.Count).Select(p => (p + start) % Scheme.Count).Where(p => !view.Owners.ContainsKey(p)).Take(share - mine.Count).ToArray();
                if (free.Length > 0)
                {
                    mine.AddRange(await _store.TakeAsync(HostId, free, Lease, cancellationToken).ConfigureAwait(false));
                }
            }

            var owners = new Dictionary<int, string>(view.Owners.Where(o => o.Value != HostId));
            foreach (var partition in mine)
            {
                owners[partition] = HostId;
            }

            _view = view with { Owners = owners };
            _current = OwnedPartitions.Leased(Scheme, mine);
            return _current;
        }
        finally
        {
            _renewing.Release();
        }
    }
}
