using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using Bodycam.Sdk.Media;

namespace Bodycam.Sdk.Export;

/// <summary>
/// Writes a recording's Motion JPEG video and PCM audio as an AVI file (RIFF 'AVI ', one video and one audio stream,
/// an idx1 index, and OpenDML 'AVIX' parts with 'indx'/'ix##' indexes past 1 GiB) that ordinary players open.
/// docs/export.md describes the layout, the size limits and the timing rule.
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
    /// Size of one RIFF part: 1 GiB. The first part ('AVI ', with the idx1 index old players read) and each OpenDML
    /// 'AVIX' part after it stay within this size.
    /// </summary>
    public const long DefaultRiffPartBytes = 1L << 30;

    /// <summary>
    /// The largest file this exporter writes: 256 parts of 1 GiB (the super index room reserved in the header).
    /// Past it the export is refused with <see cref="ExportError.TooLarge"/>.
    /// </summary>
    public const long MaxFileBytesLimit = AviHeader.SuperIndexCapacity * DefaultRiffPartBytes;

    /// <summary>An audio gap up to this long is left alone; a longer one is filled with silence.</summary>
    public const int AudioGapToleranceMilliseconds = 20;

    private readonly long _maxFileBytes;
    private readonly long _riffPartBytes;

    /// <summary>Creates an exporter with the full size limit and 1 GiB RIFF parts.</summary>
    public AviExporter()
        : this(MaxFileBytesLimit, DefaultRiffPartBytes)
    {
    }

    /// <summary>Creates an exporter with a lower size limit (for example to fit a medium) and 1 GiB RIFF parts.</summary>
    /// <param name="maxFileBytes">The largest file to write, 4 KiB to <see cref="MaxFileBytesLimit"/>.</param>
    public AviExporter(long maxFileBytes)
        : this(maxFileBytes, DefaultRiffPartBytes)
    {
    }

    /// <summary>Creates an exporter with a size limit and a RIFF part size (smaller parts only to test players).</summary>
    /// <param name="maxFileBytes">The largest file to write, 4 KiB to <see cref="MaxFileBytesLimit"/>.</param>
    /// <param name="riffPartBytes">Size of one RIFF part, 64 KiB to <see cref="DefaultRiffPartBytes"/>.</param>
    public AviExporter(long maxFileBytes, long riffPartBytes)
    {
        if (maxFileBytes < 4096 || maxFileBytes > MaxFileBytesLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(maxFileBytes), "The limit must be between 4 KiB and 256 GiB.");
        }

        if (riffPartBytes < 65536 || riffPartBytes > DefaultRiffPartBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(riffPartBytes), "A RIFF part must be between 64 KiB and 1 GiB.");
        }

        _maxFileBytes = maxFileBytes;
        _riffPartBytes = riffPartBytes;
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
        var writer = new AviStreamWriter(output, streams, _maxFileBytes, _riffPartBytes);
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
        private readonly long _riffPartBytes;
        private readonly long _start;
        private readonly List<AviIndexEntry> _legacyIndex = new();
        private readonly List<AviStandardIndexEntry> _videoPart = new();
        private readonly List<AviStandardIndexEntry> _audioPart = new();
        private readonly List<AviSuperIndexEntry> _videoIndexes = new();
        private readonly List<AviSuperIndexEntry> _audioIndexes = new();
        private readonly Queue<MediaFrame> _video = new();
        private readonly Queue<MediaFrame> _audio = new();
        private long _riffStart;
        private long _moviFourCcPosition;
        private bool _firstPart = true;
        private int _parts = 1;
        private long _firstMoviSize;
        private long _firstRiffSize;
        private uint _firstPartPictures;
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

        public AviStreamWriter(Stream output, ExportStreamInfo streams, long maxFileBytes, long riffPartBytes)
        {
            _output = output;
            _streams = streams;
            _maxFileBytes = maxFileBytes;
            _riffPartBytes = riffPartBytes;
            _start = output.Position;
            _riffStart = _start;

            // Reserve the header; it is written again with the final counts at the end.
            byte[] header = AviHeader.Build(streams, new AviHeaderCounts());
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
            int padded = data.Length + (data.Length & 1);
            if (PartEndWith(chunkId, padded) - _riffStart > _riffPartBytes && (_videoPart.Count + _audioPart.Count) > 0)
            {
                ClosePart();
                OpenExtensionPart();
            }

            long end = PartEndWith(chunkId, padded) - _start;
            bool noRoom = end > _maxFileBytes || _parts > AviHeader.SuperIndexCapacity;
            if (noRoom || PartEndWith(chunkId, padded) - _riffStart > _riffPartBytes)
            {
                throw new ExportException(
                    ExportError.TooLarge,
                    "The export would pass the limit of " + _maxFileBytes + " bytes for one AVI file.");
            }

            long position = _output.Position;
            Span<byte> head = stackalloc byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(head, chunkId);
            BinaryPrimitives.WriteUInt32LittleEndian(head[4..], (uint)data.Length);
            _output.Write(head);
            _output.Write(data);
            if ((data.Length & 1) != 0)
            {
                _output.WriteByte(0);
            }

            var entry = new AviStandardIndexEntry((uint)(position + 8 - _riffStart), (uint)data.Length);
            (chunkId == AviHeader.VideoChunkId ? _videoPart : _audioPart).Add(entry);
            if (_firstPart)
            {
                _legacyIndex.Add(new AviIndexEntry(chunkId, AviIndexEntry.KeyFrameFlag, (uint)(position - _moviFourCcPosition), (uint)data.Length));
            }
        }

        /// <summary>Where the current part would end with one more chunk and all the indexes it then needs.</summary>
        private long PartEndWith(uint chunkId, int padded)
        {
            int video = _videoPart.Count + (chunkId == AviHeader.VideoChunkId ? 1 : 0);
            int audio = _audioPart.Count + (chunkId == AviHeader.AudioChunkId ? 1 : 0);
            long end = _output.Position + 8 + padded + AviStandardIndexEntry.ChunkSize(video) + AviStandardIndexEntry.ChunkSize(audio);
            if (_firstPart)
            {
                end += 8 + ((long)(_legacyIndex.Count + 1) * AviIndexEntry.Size);
            }

            return end;
        }

        /// <summary>Ends the current part: its ix## indexes inside movi, then (first part only) idx1.</summary>
        private void ClosePart()
        {
            WriteStandardIndex(AviHeader.VideoChunkId, "ix00", _videoPart, _videoIndexes, (uint)_videoPart.Count);
            WriteStandardIndex(AviHeader.AudioChunkId, "ix01", _audioPart, _audioIndexes, SumSamples(_audioPart));
            long moviEnd = _output.Position;
            if (_firstPart)
            {
                byte[] idx = new byte[8 + (_legacyIndex.Count * AviIndexEntry.Size)];
                BinaryPrimitives.WriteUInt32LittleEndian(idx, AviHeader.FourCc("idx1"));
                BinaryPrimitives.WriteUInt32LittleEndian(idx.AsSpan(4), (uint)(_legacyIndex.Count * AviIndexEntry.Size));
                for (int i = 0; i < _legacyIndex.Count; i++)
                {
                    _legacyIndex[i].Write(idx.AsSpan(8 + (i * AviIndexEntry.Size)));
                }

                _output.Write(idx);
                _firstMoviSize = moviEnd - _moviFourCcPosition;
                _firstRiffSize = _output.Position - _riffStart - 8;
                _firstPartPictures = (uint)_videoSlots;
                _firstPart = false;
            }
            else
            {
                long end = _output.Position;
                Span<byte> size = stackalloc byte[4];
                BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)(end - _riffStart - 8));
                _output.Position = _riffStart + 4;
                _output.Write(size);
                BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)(moviEnd - _moviFourCcPosition));
                _output.Position = _moviFourCcPosition - 4;
                _output.Write(size);
                _output.Position = end;
            }

            _videoPart.Clear();
            _audioPart.Clear();
        }

        private void OpenExtensionPart()
        {
            _parts++;
            _riffStart = _output.Position;
            Span<byte> head = stackalloc byte[24];
            BinaryPrimitives.WriteUInt32LittleEndian(head, AviHeader.FourCc("RIFF"));
            BinaryPrimitives.WriteUInt32LittleEndian(head[8..], AviHeader.FourCc("AVIX"));
            BinaryPrimitives.WriteUInt32LittleEndian(head[12..], AviHeader.FourCc("LIST"));
            BinaryPrimitives.WriteUInt32LittleEndian(head[20..], AviHeader.FourCc("movi"));
            _output.Write(head);
            _moviFourCcPosition = _riffStart + 20;
        }

        private void WriteStandardIndex(uint chunkId, string indexId, List<AviStandardIndexEntry> entries, List<AviSuperIndexEntry> super, uint duration)
        {
            if (entries.Count == 0)
            {
                return;
            }

            long position = _output.Position;
            byte[] chunk = AviStandardIndexEntry.BuildChunk(AviHeader.FourCc(indexId), chunkId, _riffStart - _start, entries);
            _output.Write(chunk);
            super.Add(new AviSuperIndexEntry(position - _start, (uint)chunk.Length, duration));
        }

        private static uint SumSamples(List<AviStandardIndexEntry> entries)
        {
            long bytes = 0;
            foreach (AviStandardIndexEntry e in entries)
            {
                bytes += e.Size;
            }

            return (uint)(bytes / 2);
        }

        private AviExportResult Finish()
        {
            ClosePart();
            long end = _output.Position;

            long videoMs = (long)_videoSlots * 1000 / _streams.FramesPerSecond;
            long audioMs = _streams.HasAudio ? _audioSamplesWritten * 1000 / _streams.AudioSampleRate : 0;
            long duration = Math.Max(videoMs, audioMs);
            long bytesPerSecond = duration > 0 ? (end - _start) * 1000 / duration : 0;
            var counts = new AviHeaderCounts
            {
                RiffSize = (uint)_firstRiffSize,
                MoviSize = (uint)_firstMoviSize,
                FirstRiffVideoFrames = _firstPartPictures,
                VideoFrames = (uint)_videoSlots,
                AudioSamples = (uint)_audioSamplesWritten,
                MaxVideoChunk = (uint)_maxVideoChunk,
                MaxAudioChunk = (uint)_maxAudioChunk,
                MaxBytesPerSecond = (uint)Math.Min(bytesPerSecond, uint.MaxValue),
                VideoIndexes = _videoIndexes,
                AudioIndexes = _audioIndexes,
            };
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
