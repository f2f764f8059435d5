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
        };
    }
}
