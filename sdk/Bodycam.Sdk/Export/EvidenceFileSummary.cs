namespace Bodycam.Sdk.Export;

/// <summary>One recording file as the evidence report lists it: its version, status and device-signed span.</summary>
/// <param name="Name">The file name.</param>
/// <param name="FormatVersion">The format version its header declares, or null when the header was refused.</param>
/// <param name="Status">The file's own status.</param>
/// <param name="Included">Whether the export holds media of this file.</param>
/// <param name="Segments">Whole segments read (before the end or the failure).</param>
/// <param name="SignedSegments">Segments covered by the last valid device signature.</param>
/// <param name="SignedFirstMilliseconds">Earliest timestamp of the device-signed media (monotonic ms), or null when none is signed.</param>
/// <param name="SignedLastMilliseconds">Latest timestamp of the device-signed media (monotonic ms), or null when none is signed.</param>
public sealed record EvidenceFileSummary(
    string Name,
    int? FormatVersion,
    EvidenceStatus Status,
    bool Included,
    int Segments,
    int SignedSegments,
    long? SignedFirstMilliseconds,
    long? SignedLastMilliseconds);
