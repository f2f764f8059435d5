using System.Collections.Generic;
using Bodycam.Sdk.Media;

namespace Bodycam.Sdk.Recording;

/// <summary>
/// What a read has found so far (frames, markers, counts, the chain, how the file closed) and the one
/// <see cref="RecordingResult"/> it ends in: <see cref="Fail"/> for tampering, <see cref="Finish"/> otherwise.
/// </summary>
internal sealed class RecordingReadState
{
    private readonly RecordingHeader _header;
    private int _signedSegments;

    public RecordingReadState(RecordingHeader header)
    {
        _header = header;
        Chain = header.HeaderHash.ToArray();
    }

    public List<MediaFrame> Frames { get; } = new();

    public List<long> Markers { get; } = new();

    public int Version => _header.Version;

    public uint? OpenSequence { get; set; }

    public long? PressMonotonic { get; set; }

    public bool DeviceSigned { get; set; }

    public long? MediaFirst { get; set; }

    public long? MediaLast { get; set; }

    public long? SignedMediaFirst { get; set; }

    public long? SignedMediaLast { get; set; }

    public byte[] Chain { get; set; }

    public int Segments { get; set; }

    // Setting the signed segments (at a valid signed record) also fixes how many frames they hold.
    public int SignedSegments
    {
        get => _signedSegments;
        set
        {
            _signedSegments = value;
            SignedFrames = Frames.Count;
        }
    }

    public int SignedFrames { get; private set; }

    public int Records { get; set; }

    public bool Closed { get; set; }

    public bool Recovered { get; set; }

    public RecordingCloseReason? CloseReason { get; set; }

    public long? EndMonotonic { get; set; }

    public long BytesCut { get; set; }

    public long LastGoodSegment { get; set; } = -1;

    public RecordingResult? Result { get; private set; }

    /// <summary>Widens the media span by an entry's timestamp (frames and markers, in any order).</summary>
    public void SeeEntry(long timestamp)
    {
        MediaFirst = MediaFirst is long first && first <= timestamp ? first : timestamp;
        MediaLast = MediaLast is long last && last >= timestamp ? last : timestamp;
    }

    public RecordingResult Fail(RecordingFormatError error, int record, long offset)
    {
        Result = Build(RecordingStatus.Tampered, error, record, offset);
        return Result;
    }

    public RecordingResult Finish(RecordingStatus status)
    {
        Result = Build(status, null, -1, -1);
        return Result;
    }

    private RecordingResult Build(RecordingStatus status, RecordingFormatError? error, int record, long offset)
    {
        return new RecordingResult
        {
            Status = status,
            Header = _header,
            SegmentCount = Segments,
            SignedSegmentCount = SignedSegments,
            SignedFrameCount = SignedFrames,
            RecordCount = Records,
            Frames = Frames.AsReadOnly(),
            Markers = Markers.AsReadOnly(),
            CloseReason = CloseReason,
            EndMonotonicMilliseconds = EndMonotonic,
            BytesCut = BytesCut,
            LastGoodSegment = LastGoodSegment,
            FinalChainHash = (byte[])Chain.Clone(),
            Error = error,
            FailedRecordIndex = record,
            FailedOffset = offset,
            OpenSequence = OpenSequence,
            PressMonotonicMilliseconds = PressMonotonic,
            PreRecordSpanMilliseconds = PressMonotonic is long press && _header.ContinuationIndex == 0
                ? press - _header.StartMonotonicMilliseconds
                : null,
            DeviceSigned = DeviceSigned,
            SignedMediaStartMilliseconds = SignedMediaFirst,
            SignedMediaEndMilliseconds = SignedMediaLast,
        };
    }
}
