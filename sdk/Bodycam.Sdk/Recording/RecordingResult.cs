using System;
using System.Collections.Generic;
using Bodycam.Sdk.Media;

namespace Bodycam.Sdk.Recording;

/// <summary>
/// What reading a recording file found. Only <see cref="RecordingStatus.Complete"/> means the whole file verified;
/// every other status comes with what was verified before it (and, for tampering, where it failed).
/// </summary>
public sealed class RecordingResult
{
    /// <summary>Gets the status.</summary>
    public required RecordingStatus Status { get; init; }

    /// <summary>Gets the header.</summary>
    public required RecordingHeader Header { get; init; }

    /// <summary>Gets the number of segments read before the end or the failure.</summary>
    public required int SegmentCount { get; init; }

    /// <summary>Gets the number of segments covered by a valid device signature (checkpoint, close or recovery).</summary>
    public required int SignedSegmentCount { get; init; }

    /// <summary>
    /// Gets how many of <see cref="Frames"/>, from the first, lie in device-signed segments (0 for
    /// <see cref="RecordingReader.Verify"/>): the frames the last valid signed record covers.
    /// </summary>
    public int SignedFrameCount { get; init; }

    /// <summary>Gets the format version the file declares (1 or 2).</summary>
    public int FormatVersion => Header.Version;

    /// <summary>
    /// Gets the media time the device's signature covers, first to last timestamp of the signed frames in ms, or null
    /// when no frame is signed or the file was only verified (no frames without a key).
    /// </summary>
    public (long First, long Last)? SignedMediaSpan
    {
        get
        {
            if (SignedFrameCount <= 0 || SignedFrameCount > Frames.Count)
            {
                return null;
            }

            long first = long.MaxValue;
            long last = long.MinValue;
            for (int i = 0; i < SignedFrameCount; i++)
            {
                first = Math.Min(first, Frames[i].TimestampMilliseconds);
                last = Math.Max(last, Frames[i].TimestampMilliseconds);
            }

            return (first, last);
        }
    }

    /// <summary>Gets the format version of the file (1 or 2; the same as <see cref="RecordingHeader.Version"/>).</summary>
    public int Version => Header.Version;

    /// <summary>Gets the open record's sequence number (version 2, once the open record verified), else null.</summary>
    public uint? OpenSequence { get; init; }

    /// <summary>
    /// Gets the open record's press time on the monotonic clock (version 2, once the open record verified): in file 0
    /// the press that started the recording, in a continuation the time the file was opened; else null.
    /// </summary>
    public long? PressMonotonicMilliseconds { get; init; }

    /// <summary>
    /// Gets the pre-record span of file 0 (version 2): press time - header start-monotonic, the media kept from before
    /// the press, device-signed by the open record; null for a continuation file, a version 1 file or before the open
    /// record verified.
    /// </summary>
    public long? PreRecordSpanMilliseconds { get; init; }

    /// <summary>
    /// Gets a value indicating whether at least one device signature in the file verified (the open record in version
    /// 2; a checkpoint, close or recovery record in version 1). False: nothing in the file is device-signed.
    /// </summary>
    public bool DeviceSigned { get; init; }

    /// <summary>
    /// Gets the first entry timestamp (frame or marker) the last valid signed record covers: the start of the
    /// device-signed media span; null when verifying without a key or when no signed record covers a segment entry.
    /// The span's segment count is <see cref="SignedSegmentCount"/>.
    /// </summary>
    public long? SignedMediaStartMilliseconds { get; init; }

    /// <summary>Gets the last entry timestamp the last valid signed record covers (see <see cref="SignedMediaStartMilliseconds"/>).</summary>
    public long? SignedMediaEndMilliseconds { get; init; }

    /// <summary>Gets the number of records read before the end or the failure.</summary>
    public required int RecordCount { get; init; }

    /// <summary>Gets the decrypted frames (empty for <see cref="RecordingReader.Verify"/>).</summary>
    public required IReadOnlyList<MediaFrame> Frames { get; init; }

    /// <summary>Gets the marker times on the monotonic clock (empty for <see cref="RecordingReader.Verify"/>).</summary>
    public required IReadOnlyList<long> Markers { get; init; }

    /// <summary>
    /// Gets the pre-record span of a format version 2 file 0: the open record's press time minus the header's
    /// start-monotonic (device-signed, readable without a recipient key); null for version 1 files and continuation files.
    /// </summary>
    public TimeSpan? PreRecordSpan => PreRecordSpanMilliseconds is long ms ? TimeSpan.FromMilliseconds(ms) : null;

    /// <summary>Gets the close reason, when a close record was read.</summary>
    public RecordingCloseReason? CloseReason { get; init; }

    /// <summary>Gets the monotonic time of the close, when a close record was read.</summary>
    public long? EndMonotonicMilliseconds { get; init; }

    /// <summary>Gets the bytes recovery cut from the torn tail (for <see cref="RecordingStatus.ClosedByRecovery"/>).</summary>
    public long BytesCut { get; init; }

    /// <summary>Gets the index of the last whole segment before recovery, or -1 (for <see cref="RecordingStatus.ClosedByRecovery"/>).</summary>
    public long LastGoodSegment { get; init; } = -1;

    /// <summary>Gets the chain hash after the last record read (for a closed file: what the next file links to).</summary>
    public required ReadOnlyMemory<byte> FinalChainHash { get; init; }

    /// <summary>Gets why verification failed (for <see cref="RecordingStatus.Tampered"/>).</summary>
    public RecordingFormatError? Error { get; init; }

    /// <summary>Gets the record where verification failed (-1: the header), for <see cref="RecordingStatus.Tampered"/>.</summary>
    public int FailedRecordIndex { get; init; } = -1;

    /// <summary>Gets the byte offset where verification failed, for <see cref="RecordingStatus.Tampered"/>.</summary>
    public long FailedOffset { get; init; } = -1;

    /// <summary>Throws unless the file verified completely.</summary>
    /// <returns>This result.</returns>
    /// <exception cref="RecordingFormatException">The status is not <see cref="RecordingStatus.Complete"/>.</exception>
    public RecordingResult EnsureComplete()
    {
        if (Status == RecordingStatus.Complete)
        {
            return this;
        }

        if (Status == RecordingStatus.Tampered)
        {
            throw new RecordingFormatException(Error ?? RecordingFormatError.NotComplete, FailedRecordIndex, FailedOffset, "The recording failed verification: " + Error + ".");
        }

        throw new RecordingFormatException(RecordingFormatError.NotComplete, RecordCount, -1, "The recording is not complete: " + Status + ".");
    }
}
