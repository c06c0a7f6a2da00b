using CampaignFlow.Campaigns.Storage;

namespace CampaignFlow.Campaigns.Conformance;

/// <summary>
/// The contract of every <see cref="IUnitLocks"/> (docs/adr/0007): a unit locked by one host can be taken by no other
/// until it is released, a host that asks waits for it, and other units stay free. A store's test project derives a
/// class from this one.
/// </summary>
public abstract class UnitLockConformance
{
    private readonly string _unit = "unit-" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The locks of one store as two hosts on it see them (two connection pools on one database, say).</summary>
    protected abstract (IUnitLocks First, IUnitLocks Second) CreateHosts();

    [Fact]
    public async Task A_unit_locked_by_one_host_is_not_taken_by_another_until_it_is_released()
    {
        var (first, second) = CreateHosts();
        var held = await first.LockAsync(_unit);

        (await second.TryLockAsync(_unit)).ShouldBeNull();
        await using (var other = await second.TryLockAsync(_unit + "-other"))
        {
            other.ShouldNotBeNull("another unit is free");
        }

        await held.DisposeAsync();
        await using var taken = await second.TryLockAsync(_unit);
        taken.ShouldNotBeNull();
        (await first.TryLockAsync(_unit)).ShouldBeNull("now the second host holds it");
    }

    [Fact]
    public async Task Many_units_are_locked_at_once_except_those_another_host_holds_and_released_together()
    {
        var (first, second) = CreateHosts();
        var units = Enumerable.Range(0, 5).Select(i => $"{_unit}-{i}").ToArray();
        var held = await first.LockAsync(units[2]);

        var many = await second.TryLockManyAsync(units);

        many.Units.ShouldBe([units[0], units[1], units[3], units[4]], ignoreOrder: true);
        (await first.TryLockAsync(units[0])).ShouldBeNull("the second host holds it now");
        await held.DisposeAsync();
        await many.DisposeAsync();
        var again = await first.TryLockManyAsync(units);
        again.Units.Count.ShouldBe(units.Length, "every lock was released");
        await again.DisposeAsync();
    }

    [Fact]
    public async Task Many_units_waited_for_at_once_are_taken_together_once_free_and_released_together()
    {
        var (first, second) = CreateHosts();
        var units = Enumerable.Range(0, 5).Select(i => $"{_unit}-{i}").ToArray();
        var held = await first.LockAsync(units[2]);

        var waiting = second.LockManyAsync(units).AsTask();
        await Task.WhenAny(waiting, Task.Delay(300));
        waiting.IsCompleted.ShouldBeFalse("one of the units is held");

        await held.DisposeAsync();
        var many = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        many.Units.ShouldBe(units, ignoreOrder: true);
        (await first.TryLockAsync(units[0])).ShouldBeNull("the second host holds every one of them");
        await many.DisposeAsync();
        var again = await first.TryLockManyAsync(units);
        again.Units.Count.ShouldBe(units.Length, "every lock was released");
        await again.DisposeAsync();
    }

    [Fact]
    public async Task A_wait_for_many_cancelled_half_way_keeps_none_of_the_locks_it_took()
    {
        var (first, second) = CreateHosts();
        var units = Enumerable.Range(0, 6).Select(i => $"{_unit}-{i}").ToArray();
        var held = await first.LockAsync(units[3]);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => second.LockManyAsync(units, cancel.Token).AsTask());

        await held.DisposeAsync();
        await using var free = await first.TryLockManyAsync(units);
        free.Units.Count.ShouldBe(units.Length, "the cancelled wait released what it had taken before the held unit");
    }

    [Fact]
    public async Task Two_hosts_waiting_for_overlapping_units_named_in_opposite_orders_both_get_them()
    {
        var (first, second) = CreateHosts();
        var units = Enumerable.Range(0, 8).Select(i => $"{_unit}-{i}").ToArray();
        var reversed = units.Reverse().ToArray();

        async Task TakeAndReleaseAsync(IUnitLocks locks, string[] named)
        {
            for (var round = 0; round < 20; round++)
            {
                await using var many = await locks.LockManyAsync(named);
                many.Units.Count.ShouldBe(named.Length);
            }
        }

        await Task.WhenAll(TakeAndReleaseAsync(first, units), TakeAndReleaseAsync(second, reversed)).WaitAsync(TimeSpan.FromSeconds(60));
        await using var free = await first.TryLockManyAsync(units);
        free.Units.Count.ShouldBe(units.Length, "neither kept a lock");
    }

    [Fact]
    public async Task A_file_of_hundreds_of_units_is_locked_at_once()
    {
        var (first, second) = CreateHosts();
        var units = Enumerable.Range(0, 400).Select(i => $"{_unit}-{i:D3}").ToArray();

        await using (var many = await first.LockManyAsync(units).AsTask().WaitAsync(TimeSpan.FromSeconds(60)))
        {
            many.Units.Count.ShouldBe(units.Length);
            (await second.TryLockAsync(units[399])).ShouldBeNull();
        }

        await using var taken = await second.TryLockAsync(units[399]);
        taken.ShouldNotBeNull("released with the rest");
    }

    [Fact]
    public async Task A_host_that_asks_for_a_held_unit_waits_until_the_holder_releases_it()
    {
        var (first, second) = CreateHosts();
        var held = await first.LockAsync(_unit);

        var waiting = second.LockAsync(_unit).AsTask();
        await Task.WhenAny(waiting, Task.Delay(300));
        waiting.IsCompleted.ShouldBeFalse();

        await held.DisposeAsync();
        await using var taken = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        (await first.TryLockAsync(_unit)).ShouldBeNull();
    }

    [Fact]
    public async Task A_wait_is_cancelled_with_its_token_and_leaves_the_lock_to_its_holder()
    {
        var (first, second) = CreateHosts();
        await using var held = await first.LockAsync(_unit);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Should.ThrowAsync<OperationCanceledException>(() => second.LockAsync(_unit, cancel.Token).AsTask());

        (await second.TryLockAsync(_unit)).ShouldBeNull();
    }
}
