using System;

namespace Bodycam.Evidence;

/// <summary>One entry of a municipality's append-only, hash-chained access log.</summary>
/// <param name="Sequence">1, 2, 3, ... per municipality.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who.</param>
/// <param name="Action">What (docs/evidence-vault.md lists the actions).</param>
/// <param name="RecordingId">Which recording, if any.</param>
/// <param name="RequestId">Under which request, if any.</param>
/// <param name="Purpose">For which purpose, if any.</param>
/// <param name="Detail">Details for people.</param>
/// <param name="OutputSha256">SHA-256 of what was produced (for an export: the chain-of-custody report), if any.</param>
/// <param name="PreviousHash">The previous entry's hash (64 zeros for the first).</param>
/// <param name="EntryHash">This entry's hash.</param>
public sealed record AccessLogEntry(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    string Action,
    string? RecordingId,
    string? RequestId,
    string? Purpose,
    string Detail,
    string? OutputSha256,
    string PreviousHash,
    string EntryHash);
