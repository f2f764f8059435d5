using System;

namespace Bodycam.Evidence;

/// <summary>What the sweep destroyed, kept after the footage is gone: what, its hash, when and why.</summary>
/// <param name="RecordingId">The recording.</param>
/// <param name="Sha256">The recording's manifest hash.</param>
/// <param name="Bytes">The bytes destroyed.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="DeletedAt">When it was deleted.</param>
/// <param name="Reason">Why (the retention period that expired).</param>
/// <param name="Actor">Who ran the sweep.</param>
public sealed record DeletionRecord(string RecordingId, string Sha256, long Bytes, DateTimeOffset RecordedAt, DateTimeOffset DeletedAt, string Reason, string Actor);
