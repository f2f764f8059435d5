namespace Bodycam.Evidence;

/// <summary>
/// The points of intake and sweep where a crash can fall between two durable writes. <see cref="VaultOptions.FaultHook"/>
/// is called at each, so tests can stop the process there (docs/evidence-vault.md, "Crash safety").
/// </summary>
public enum VaultStep
{
    /// <summary>Intake: the journal rows naming the objects about to be written are committed.</summary>
    IntakeJournaled = 1,

    /// <summary>Intake: one file's bytes are in its temporary file, flushed.</summary>
    IntakeTemporaryWritten = 2,

    /// <summary>Intake: one file is renamed from its temporary file into the object store.</summary>
    IntakeObjectStored = 3,

    /// <summary>Intake: the metadata and the log entry are committed and the journal rows removed.</summary>
    IntakeCommitted = 4,

    /// <summary>Move or link intake: one verified source file is renamed (move) or linked (link) into the object store (its journal row names the source path).</summary>
    IntakeSourceMoved = 8,

    /// <summary>Move intake: one source file whose object the metadata names is removed from the source folder.</summary>
    IntakeSourceRemoved = 9,

    /// <summary>Sweep: a batch of recordings is marked for deletion, with deletion records and log entries, committed.</summary>
    SweepMarked = 5,

    /// <summary>Sweep: one object is deleted.</summary>
    SweepObjectDeleted = 6,

    /// <summary>Sweep: the batch's metadata is removed, committed.</summary>
    SweepCompleted = 7,
}
