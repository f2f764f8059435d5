using System;
using System.Collections.Generic;

namespace Bodycam.Evidence;

/// <summary>Everything the vault holds about one recording (<c>vault show</c>), for its own municipality only.</summary>
/// <param name="RecordingId">The recording id.</param>
/// <param name="MunicipalityId">The owning municipality.</param>
/// <param name="DeviceId">The device that made it.</param>
/// <param name="RecordedAt">When it was recorded (the intake time when the device clock was not set).</param>
/// <param name="ClockSynchronised">Whether the device clock was set.</param>
/// <param name="DurationMilliseconds">Its length, when a close record gives it.</param>
/// <param name="PreRecordMilliseconds">The pre-record span as the first authorised export found it in the decrypted frames (version 1 recordings keep it inside the encrypted segments).</param>
/// <param name="PreRecordSpanMilliseconds">The device-signed pre-record span from the open record of a format version 2 recording, known from intake; null for version 1.</param>
/// <param name="Status">Complete or ClosedByRecovery.</param>
/// <param name="Sha256">SHA-256 of the recording's manifest (one line per file: hash, two spaces, name).</param>
/// <param name="Bytes">Total size of the encrypted originals.</param>
/// <param name="IntakeAt">When it was taken in.</param>
/// <param name="IntakeActor">Who took it in.</param>
/// <param name="Source">Where it came from (folder, or offload from a device).</param>
/// <param name="Verification">What verification found.</param>
/// <param name="ExpiresAt">Recorded-at plus the retention period.</param>
/// <param name="Files">The encrypted originals.</param>
/// <param name="Holds">Every hold, in force or released.</param>
/// <param name="Requests">Every request for it.</param>
public sealed record RecordingDetails(
    string RecordingId,
    string MunicipalityId,
    string DeviceId,
    DateTimeOffset RecordedAt,
    bool ClockSynchronised,
    long? DurationMilliseconds,
    long? PreRecordMilliseconds,
    long? PreRecordSpanMilliseconds,
    string Status,
    string Sha256,
    long Bytes,
    DateTimeOffset IntakeAt,
    string IntakeActor,
    string Source,
    string Verification,
    DateTimeOffset ExpiresAt,
    IReadOnlyList<StoredFile> Files,
    IReadOnlyList<Hold> Holds,
    IReadOnlyList<AccessRequest> Requests);
