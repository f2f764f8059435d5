using System;
using System.Threading;

namespace Bodycam.Evidence;

/// <summary>
/// Where intake spends its time, summed over every recording since the instance was made (for the bench in
/// bench/Bodycam.Vault.Bench and docs/performance.md). Reading (and, for a copying intake, hashing) runs one recording
/// ahead on a pool thread; journaling, writing (a move intake: hashing and flushing in place) run beside the
/// verification; renaming and committing run beside the next recording's verification. So the parts add up to more
/// than the wall-clock time; <see cref="WaitForStore"/> is how long the verifying thread waited for the storing one.
/// </summary>
public sealed class IntakeTimings
{
    private long _read;
    private long _verify;
    private long _hash;
    private long _journal;
    private long _write;
    private long _waitForStore;
    private long _commit;

    /// <summary>Gets the time spent reading files into memory and parsing their headers.</summary>
    public TimeSpan Read => Ticks(Interlocked.Read(ref _read));

    /// <summary>Gets the time spent verifying (structure, hash chain, device signatures).</summary>
    public TimeSpan Verify => Ticks(Interlocked.Read(ref _verify));

    /// <summary>Gets the time spent computing the files' SHA-256 (the object names).</summary>
    public TimeSpan Hash => Ticks(Interlocked.Read(ref _hash));

    /// <summary>Gets the time spent committing the journal rows.</summary>
    public TimeSpan Journal => Ticks(Interlocked.Read(ref _journal));

    /// <summary>Gets the time spent writing the temporary files and flushing them to disk (a move intake: flushing the source files in place).</summary>
    public TimeSpan Write => Ticks(Interlocked.Read(ref _write));

    /// <summary>Gets the time the verifying thread waited for hashing (a move intake), journaling and writing after it had verified.</summary>
    public TimeSpan WaitForStore => Ticks(Interlocked.Read(ref _waitForStore));

    /// <summary>Gets the time spent renaming objects into place, flushing the folders and committing the metadata with its log entry.</summary>
    public TimeSpan Commit => Ticks(Interlocked.Read(ref _commit));

    /// <summary>One line for people: every part in milliseconds.</summary>
    /// <returns>The line.</returns>
    public override string ToString() =>
        FormattableString.Invariant($"read {Read.TotalMilliseconds:0} ms, verify {Verify.TotalMilliseconds:0} ms, hash {Hash.TotalMilliseconds:0} ms, journal {Journal.TotalMilliseconds:0} ms, write+fsync {Write.TotalMilliseconds:0} ms, wait for store {WaitForStore.TotalMilliseconds:0} ms, rename+commit {Commit.TotalMilliseconds:0} ms");

    internal void AddRead(TimeSpan time) => Interlocked.Add(ref _read, time.Ticks);

    internal void AddVerify(TimeSpan time) => Interlocked.Add(ref _verify, time.Ticks);

    internal void AddHash(TimeSpan time) => Interlocked.Add(ref _hash, time.Ticks);

    internal void AddJournal(TimeSpan time) => Interlocked.Add(ref _journal, time.Ticks);

    internal void AddWrite(TimeSpan time) => Interlocked.Add(ref _write, time.Ticks);

    internal void AddWaitForStore(TimeSpan time) => Interlocked.Add(ref _waitForStore, time.Ticks);

    internal void AddCommit(TimeSpan time) => Interlocked.Add(ref _commit, time.Ticks);

    private static TimeSpan Ticks(long value) => TimeSpan.FromTicks(value);
}
