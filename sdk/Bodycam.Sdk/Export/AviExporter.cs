using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using Bodycam.Sdk.Media;

namespace Bodycam.Sdk.Export;

/// <summary>
/// Writes a recording's Motion JPEG video and PCM audio as an AVI file (RIFF 'AVI ', one video and one audio stream,
/// an idx1 index) that ordinary players open. docs/export.md describes the layout, the size limit and the timing rule.
/// </summary>
/// <remarks>
/// Timing: the video track runs at the camera's nominal frame rate. Each frame is placed in the slot nearest to its
/// device timestamp; slots left empty by dropped frames repeat the previous picture, so the picture never runs ahead
/// of the sound. No frame is ever dropped: a frame that arrives early takes the next free slot. Audio gaps longer
/// than <see cref="AudioGapToleranceMilliseconds"/> are filled with silence. Both tracks start at the earliest
/// timestamp of either; before the first picture the first picture is shown.
/// </remarks>
public sealed class AviExporter
{
    /// <summary>
    /// The largest file this exporter writes: 1 GiB. Past it a single RIFF 'AVI ' chunk needs the OpenDML extension
    /// (AVIX), which this exporter does not write; it refuses with <see cref="ExportError.TooLarge"/> instead.
    /// </summary>
    public const long MaxFileBytesLimit = 1L << 30;

    /// <summary>An audio gap up to this long is left alone; a longer one is filled with silence.</summary>
    public const int AudioGapToleranceMilliseconds = 20;

    private readonly long _maxFileBytes;

    /// <summary>Creates an exporter with the 1 GiB limit.</summary>
    public AviExporter()
        : this(MaxFileBytesLimit)
    {
    }

    /// <summary>Creates an exporter with a lower size limit (for example to fit a medium).</summary>
    /// <param name="maxFileBytes">The largest file to write, at most <see cref="MaxFileBytesLimit"/>.</param>
    public AviExporter(long maxFileBytes)
    {
        if (maxFileBytes < 4096 || maxFileBytes > MaxFileBytesLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(maxFileBytes), "The limit must be between 4 KiB and 1 GiB.");
        }

        _maxFileBytes = maxFileBytes;
    }

    /// <summary>Writes the AVI file to a new file at <paramref name="path"/>; nothing is left there on failure.</summary>
    /// <param name="path">The file to create; it must not exist.</param>
    /// <param name="streams">The recording's stream description.</param>
    /// <param name="frames">The frames, each kind in timestamp order (kinds may interleave in any way).</param>
    /// <returns>What was written.</returns>
    public AviExportResult ExportToFile(string path, ExportStreamInfo streams, IEnumerable<MediaFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(path);
        bool done = false;
        FileStream file = new(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
        try
        {
            AviExportResult result = Export(file, streams, frames);
            file.Flush(flushToDisk: true);
            done = true;
            return result;
        }
        finally
        {
            file.Dispose();
            if (!done)
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>Writes the AVI file to a seekable stream, starting at its current position.</summary>
    /// <param name="output">A writable, seekable stream (the header is completed at the end).</param>
    /// <param name="streams">The recording's stream description.</param>
    /// <param name="frames">The frames, each kind in timestamp order (kinds may interleave in any way).</param>
    /// <returns>What was written.</returns>
    /// <exception cref="ExportException">The codec, a frame or the size is not exportable.</exception>
    public AviExportResult Export(Stream output, ExportStreamInfo streams, IEnumerable<MediaFrame> frames)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(frames);
        if (!output.CanWrite || !output.CanSeek)
        {
            throw new ArgumentException("The output must be writable and seekable.", nameof(output));
        }

        Validate(streams);
        var writer = new AviStreamWriter(output, streams, _maxFileBytes);
        return writer.Run(frames);
    }

    private static void Validate(ExportStreamInfo streams)
    {
        if (streams.VideoCodec != VideoCodec.Mjpeg)
        {
            throw new ExportException(
                ExportError.UnsupportedVideoCodec,
                "The video is " + streams.VideoCodec + ", not Motion JPEG; the AVI export takes only JPEG pictures "
                + "(an evidence bundle keeps such video as its raw stream).");
        }

        if (streams.Width < 1 || streams.Width > 65535 || streams.Height < 1 || streams.Height > 65535)
        {
            throw new ExportException(ExportError.InvalidStreamInfo, "The picture size must be 1..65535 pixels a side.");
        }

        if (streams.FramesPerSecond < 1 || streams.FramesPerSecond > 240)
        {
            throw new ExportException(ExportError.InvalidStreamInfo, "The frame rate must be 1..240 frames a second.");
        }

        if (streams.AudioSampleRate != 0 && (streams.AudioSampleRate < 1000 || streams.AudioSampleRate > 192000))
        {
            throw new ExportException(ExportError.InvalidStreamInfo, "The audio sample rate must be 0 or 1000..192000.");
        }
    }

    /// <summary>One export in progress: merges the two kinds by time and writes chunks and the index.</summary>
    private sealed class AviStreamWriter
    {
        // How many frames of one kind may wait for the other kind before they are written anyway (bounds memory when
        // a recording has an audio stream but little or no audio).
        private const int MaxQueuedFrames = 4096;

        private readonly Stream _output;
        private readonly ExportStreamInfo _streams;
        private readonly long _maxFileBytes;
        private readonly long _start;
        private readonly long _moviFourCcPosition;
        private readonly List<AviIndexEntry> _index = new();
        private readonly Queue<MediaFrame> _video = new();
        private readonly Queue<MediaFrame> _audio = new();
        private long _lastVideoTimestamp = long.MinValue;
        private long _lastAudioTimestamp = long.MinValue;
        private bool _haveOrigin;
        private long _origin;
        private ReadOnlyMemory<byte> _previousPicture;
        private bool _havePicture;
        private int _videoSlots;
        private int _videoFrames;
        private int _videoRepeats;
        private long _audioSamplesWritten;
        private long _audioSamplesTaken;
        private long _silenceSamples;
        private long _maxVideoOffset;
        private long _maxAudioOffset;
        private int _maxVideoChunk;
        private int _maxAudioChunk;

        public AviStreamWriter(Stream output, ExportStreamInfo streams, long maxFileBytes)
        {
            _output = output;
            _streams = streams;
            _maxFileBytes = maxFileBytes;
            _start = output.Position;

            // Reserve the header; it is written again with the final counts at the end.
            byte[] header = AviHeader.Build(streams, new AviHeaderCounts(0, 0, 0, 0, 0, 0, 0));
            output.Write(header);
            _moviFourCcPosition = _start + header.Length - 4;
        }

        public AviExportResult Run(IEnumerable<MediaFrame> frames)
        {
            foreach (MediaFrame frame in frames)
            {
                Accept(frame);
                Drain(final: false);
            }

            Drain(final: true);
            if (_videoFrames == 0)
            {
                throw new ExportException(ExportError.NoVideo, "The recording has no video frames to export.");
            }

            return Finish();
        }

        private void Accept(MediaFrame frame)
        {
            ArgumentNullException.ThrowIfNull(frame);
            if (frame.Kind == MediaKind.Video)
            {
                ReadOnlySpan<byte> data = frame.Data.Span;
                if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
                {
                    throw new ExportException(
                        ExportError.InvalidVideoFrame,
                        "The video frame at " + frame.TimestampMilliseconds + " ms is not a JPEG picture.");
                }

                CheckOrder(ref _lastVideoTimestamp, frame, "video");
                _video.Enqueue(frame);
            }
            else if (frame.Kind == MediaKind.Audio)
            {
                if (!_streams.HasAudio)
                {
                    throw new ExportException(
                        ExportError.InvalidAudioFrame,
                        "An audio frame came for a recording described as having no audio.");
                }

                if (frame.Data.Length % 2 != 0)
                {
                    throw new ExportException(
                        ExportError.InvalidAudioFrame,
                        "The audio frame at " + frame.TimestampMilliseconds + " ms is not whole 16-bit samples.");
                }

                CheckOrder(ref _lastAudioTimestamp, frame, "audio");
                _audio.Enqueue(frame);
            }
            else
            {
                throw new ExportException(ExportError.InvalidVideoFrame, "A frame has an unknown kind " + frame.Kind + ".");
            }
        }

        private static void CheckOrder(ref long last, MediaFrame frame, string kind)
        {
            if (frame.TimestampMilliseconds < last)
            {
                throw new ExportException(
                    ExportError.TimestampsOutOfOrder,
                    "The " + kind + " frame at " + frame.TimestampMilliseconds + " ms comes after one at " + last + " ms.");
            }

            last = frame.TimestampMilliseconds;
        }

        private void Drain(bool final)
        {
            while (true)
            {
                bool haveVideo = _video.Count > 0;
                bool haveAudio = _audio.Count > 0;
                if (haveVideo && haveAudio)
                {
                    // Merge by time; at equal times the picture goes first.
                    if (_video.Peek().TimestampMilliseconds <= _audio.Peek().TimestampMilliseconds)
                    {
                        WriteVideo(_video.Dequeue());
                    }
                    else
                    {
                        WriteAudio(_audio.Dequeue());
                    }
                }
                else if (haveVideo && (final || !_streams.HasAudio || _video.Count > MaxQueuedFrames))
                {
                    WriteVideo(_video.Dequeue());
                }
                else if (haveAudio && (final || _audio.Count > MaxQueuedFrames))
                {
                    WriteAudio(_audio.Dequeue());
                }
                else
                {
                    return;
                }
            }
        }

        private long Origin(long timestamp)
        {
            if (!_haveOrigin)
            {
                _haveOrigin = true;
                _origin = timestamp;
            }

            return _origin;
        }

        private void WriteVideo(MediaFrame frame)
        {
            long elapsed = frame.TimestampMilliseconds - Origin(frame.TimestampMilliseconds);
            long slot = RoundedDivide(elapsed * _streams.FramesPerSecond, 1000);

            // Hold the previous picture over slots left empty by dropped frames (before the first picture: the first).
            ReadOnlyMemory<byte> hold = _havePicture ? _previousPicture : frame.Data;
            while (_videoSlots < slot)
            {
                WriteChunk(AviHeader.VideoChunkId, hold.Span);
                _videoSlots++;
                _videoRepeats++;
            }

            long placed = (long)_videoSlots * 1000 / _streams.FramesPerSecond;
            _maxVideoOffset = Math.Max(_maxVideoOffset, Math.Abs(placed - elapsed));
            WriteChunk(AviHeader.VideoChunkId, frame.Data.Span);
            _maxVideoChunk = Math.Max(_maxVideoChunk, frame.Data.Length);
            _videoSlots++;
            _videoFrames++;
            _previousPicture = frame.Data;
            _havePicture = true;
        }

        private void WriteAudio(MediaFrame frame)
        {
            long elapsed = frame.TimestampMilliseconds - Origin(frame.TimestampMilliseconds);
            long expected = RoundedDivide(elapsed * _streams.AudioSampleRate, 1000);
            long tolerance = (long)_streams.AudioSampleRate * AudioGapToleranceMilliseconds / 1000;
            if (expected - _audioSamplesWritten > tolerance)
            {
                WriteSilence(expected - _audioSamplesWritten);
            }

            long placed = _audioSamplesWritten * 1000 / _streams.AudioSampleRate;
            _maxAudioOffset = Math.Max(_maxAudioOffset, Math.Abs(placed - elapsed));
            if (frame.Data.Length > 0)
            {
                WriteChunk(AviHeader.AudioChunkId, frame.Data.Span);
                _maxAudioChunk = Math.Max(_maxAudioChunk, frame.Data.Length);
            }

            _audioSamplesWritten += frame.Data.Length / 2;
            _audioSamplesTaken += frame.Data.Length / 2;
        }

        private void WriteSilence(long samples)
        {
            // At most one second of silence per chunk keeps chunks (and players' buffers) small.
            byte[] zeros = new byte[(int)Math.Min(samples, _streams.AudioSampleRate) * 2];
            while (samples > 0)
            {
                int count = (int)Math.Min(samples, _streams.AudioSampleRate);
                WriteChunk(AviHeader.AudioChunkId, zeros.AsSpan(0, count * 2));
                _maxAudioChunk = Math.Max(_maxAudioChunk, count * 2);
                _audioSamplesWritten += count;
                _silenceSamples += count;
                samples -= count;
            }
        }

        private void WriteChunk(uint chunkId, ReadOnlySpan<byte> data)
        {
            long position = _output.Position;
            int padded = data.Length + (data.Length & 1);

            // Room for this chunk, every index entry so far and this one, and the idx1 chunk header.
            long end = position + 8 + padded + ((long)_index.Count + 1) * AviIndexEntry.Size + 8 - _start;
            if (end > _maxFileBytes)
            {
                throw new ExportException(
                    ExportError.TooLarge,
                    "The export would pass the limit of " + _maxFileBytes + " bytes for one AVI file.");
            }

            Span<byte> head = stackalloc byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(head, chunkId);
            BinaryPrimitives.WriteUInt32LittleEndian(head[4..], (uint)data.Length);
            _output.Write(head);
            _output.Write(data);
            if ((data.Length & 1) != 0)
            {
                _output.WriteByte(0);
            }

            _index.Add(new AviIndexEntry(chunkId, AviIndexEntry.KeyFrameFlag, (uint)(position - _moviFourCcPosition), (uint)data.Length));
        }

        private AviExportResult Finish()
        {
            long moviEnd = _output.Position;

            byte[] idx = new byte[8 + _index.Count * AviIndexEntry.Size];
            BinaryPrimitives.WriteUInt32LittleEndian(idx, AviHeader.FourCc("idx1"));
            BinaryPrimitives.WriteUInt32LittleEndian(idx.AsSpan(4), (uint)(_index.Count * AviIndexEntry.Size));
            for (int i = 0; i < _index.Count; i++)
            {
                _index[i].Write(idx.AsSpan(8 + i * AviIndexEntry.Size));
            }

            _output.Write(idx);
            long end = _output.Position;

            long videoMs = (long)_videoSlots * 1000 / _streams.FramesPerSecond;
            long audioMs = _streams.HasAudio ? _audioSamplesWritten * 1000 / _streams.AudioSampleRate : 0;
            long duration = Math.Max(videoMs, audioMs);
            long bytesPerSecond = duration > 0 ? (end - _start) * 1000 / duration : 0;
            var counts = new AviHeaderCounts(
                RiffSize: (uint)(end - _start - 8),
                MoviSize: (uint)(moviEnd - _moviFourCcPosition),
                VideoFrames: (uint)_videoSlots,
                AudioSamples: (uint)_audioSamplesWritten,
                MaxVideoChunk: (uint)_maxVideoChunk,
                MaxAudioChunk: (uint)_maxAudioChunk,
                MaxBytesPerSecond: (uint)Math.Min(bytesPerSecond, uint.MaxValue));
            _output.Position = _start;
            _output.Write(AviHeader.Build(_streams, counts));
            _output.Position = end;

            return new AviExportResult(
                _videoFrames,
                _videoRepeats,
                _audioSamplesTaken,
                _silenceSamples,
                duration,
                _maxVideoOffset,
                _maxAudioOffset,
                end - _start);
        }

        private static long RoundedDivide(long value, long divisor)
        {
            return value >= 0 ? (value + (divisor / 2)) / divisor : -((-value + (divisor / 2)) / divisor);
        }
    }
}
