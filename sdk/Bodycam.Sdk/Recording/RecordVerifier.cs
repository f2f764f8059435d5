using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Bodycam.Sdk.Crypto;

namespace Bodycam.Sdk.Recording;

/// <summary>
/// Verification (docs/recording-format.md, "4. Records", "6. Verification", "7. Hash chain"): walks the records after
/// the header, checks each record's type and length, the segments' order and last flag, the hash chain, and the
/// counts, chain and device signature of each checkpoint, close and recovery record, and in version 2 the open record
/// (first, exactly once; its press time never before the start of file 0). Segments are handed to the
/// <see cref="PayloadStream"/> when decrypting. Tampering ends the walk in <see cref="RecordingReadState.Fail"/>; a
/// file that simply stops is <see cref="RecordingStatus.Truncated"/>.
/// </summary>
internal static class RecordVerifier
{
    // Offsets in a signed record's body (docs/recording-format.md, "4.3"): segment count, record count, then the
    // record-specific fields and the chain before the record.
    private const int CheckpointChainAt = 8;
    private const int CloseEndMonotonicAt = 8;
    private const int CloseReasonAt = 16;
    private const int CloseChainAt = 17;
    private const int RecoveryBytesCutAt = 8;
    private const int RecoveryLastGoodAt = 16;
    private const int RecoveryChainAt = 20;
    private const int OpenPressAt = 4;
    private const int OpenChainAt = 12;

    /// <summary>Walks the records of <paramref name="file"/> after its header.</summary>
    /// <param name="file">The whole file.</param>
    /// <param name="header">Its parsed header.</param>
    /// <param name="devicePublicKey">The device's Ed25519 public key.</param>
    /// <param name="payload">The payload stream when decrypting, or null to verify only.</param>
    /// <param name="state">The read's state.</param>
    /// <returns>The result.</returns>
    public static RecordingResult Walk(ReadOnlyMemory<byte> file, RecordingHeader header, ReadOnlySpan<byte> devicePublicKey, PayloadStream? payload, RecordingReadState state)
    {
        ReadOnlySpan<byte> f = file.Span;
        byte[] chain = header.HeaderHash.ToArray();
        byte[] next = new byte[RecordingConstants.HashSize];
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long maxSegmentBody = header.SegmentMaxBytes + RecordingConstants.SegmentOverhead;
        int pos = header.Length;

        // Decrypting, the chain is hashed ahead on a second core while this one opens segments (SHA-256 and AES-GCM
        // then overlap); every link is still taken in order below and checked exactly as when hashed here.
        using ChainHasher? ahead = payload is null ? null : new ChainHasher(file, pos, chain, maxSegmentBody);
        bool useAhead = ahead is not null;
        int index = 0;
        bool sawLast = false;
        int checkpointAt = 0;
        while (true)
        {
            state.Chain = chain;
            state.Records = index;
            if (pos == f.Length)
            {
                return state.Finish(RecordingStatus.Truncated);
            }

            if (state.Closed)
            {
                return state.Fail(RecordingFormatError.TrailingData, index, pos);
            }

            if (f.Length - pos < RecordingConstants.RecordHeaderSize)
            {
                return state.Finish(RecordingStatus.Truncated);
            }

            byte type = f[pos];
            long body = BinaryPrimitives.ReadUInt32BigEndian(f[(pos + 1)..]);
            bool v2 = header.Version >= RecordingConstants.Version;
            if (v2 && index == 0 && type != RecordingConstants.RecordOpen)
            {
                return state.Fail(RecordingFormatError.OpenRecordMissing, index, pos);
            }

            if (v2 && index > 0 && type == RecordingConstants.RecordOpen)
            {
                return state.Fail(RecordingFormatError.OpenRecordMisplaced, index, pos);
            }

            bool lengthOk;
            switch (type)
            {
                case RecordingConstants.RecordOpen when v2:
                    lengthOk = body == RecordingConstants.OpenBodySize;
                    break;
                case RecordingConstants.RecordSegment:
                    lengthOk = body >= RecordingConstants.SegmentOverhead && body <= maxSegmentBody;
                    break;
                case RecordingConstants.RecordCheckpoint:
                    lengthOk = body == RecordingConstants.CheckpointBodySize;
                    break;
                case RecordingConstants.RecordClose:
                    lengthOk = body == RecordingConstants.CloseBodySize;
                    break;
                case RecordingConstants.RecordRecoveryClose:
                    lengthOk = body == RecordingConstants.RecoveryBodySize;
                    break;
                default:
                    return state.Fail(RecordingFormatError.UnknownRecordType, index, pos);
            }

            if (!lengthOk)
            {
                return state.Fail(RecordingFormatError.BadRecordLength, index, pos);
            }

            int end = (int)Math.Min(int.MaxValue, pos + RecordingConstants.RecordHeaderSize + body);
            if (end > f.Length)
            {
                return state.Finish(RecordingStatus.Truncated);
            }

            ReadOnlySpan<byte> record = f[pos..end];
            ReadOnlySpan<byte> b = record[RecordingConstants.RecordHeaderSize..];
            if (type == RecordingConstants.RecordSegment)
            {
                uint segmentIndex = BinaryPrimitives.ReadUInt32BigEndian(b);
                byte flags = b[4];
                if (sawLast)
                {
                    return state.Fail(RecordingFormatError.SegmentAfterLast, index, pos);
                }

                if (segmentIndex != (uint)state.Segments)
                {
                    return state.Fail(RecordingFormatError.SegmentOutOfOrder, index, pos);
                }

                if ((flags & 0xFE) != 0)
                {
                    return state.Fail(RecordingFormatError.BadSegmentFlags, index, pos + 9);
                }

                // Checkpoint placement ("4.3"): after segment K-1, 2K-1, ... comes the checkpoint, never another segment.
                if (state.Segments > 0 && state.Segments % header.CheckpointInterval == 0 && checkpointAt != state.Segments)
                {
                    return state.Fail(RecordingFormatError.CheckpointMisplaced, index, pos);
                }

                if (payload is not null)
                {
                    switch (payload.OpenSegment(segmentIndex, flags, b[5..], state))
                    {
                        case PayloadStream.SegmentOutcome.AuthenticationFailed:
                            return state.Fail(RecordingFormatError.AuthenticationFailed, index, pos);
                        case PayloadStream.SegmentOutcome.MalformedPlaintext:
                            return state.Fail(RecordingFormatError.MalformedSegmentPlaintext, index, pos);
                    }
                }

                sawLast = (flags & 1) != 0;
                state.Segments++;
            }
            else if (type == RecordingConstants.RecordOpen)
            {
                RecordingResult? failed = CheckOpenRecord(b, body, chain, header, devicePublicKey, index, pos, state);
                if (failed is not null)
                {
                    return failed;
                }
            }
            else
            {
                if (type == RecordingConstants.RecordCheckpoint)
                {
                    if (sawLast || state.Segments == 0 || state.Segments % header.CheckpointInterval != 0 || checkpointAt == state.Segments)
                    {
                        return state.Fail(RecordingFormatError.CheckpointMisplaced, index, pos);
                    }

                    checkpointAt = state.Segments;
                }

                RecordingResult? failed = CheckSignedRecord(type, b, body, chain, devicePublicKey, sawLast, index, pos, state);
                if (failed is not null)
                {
                    return failed;
                }
            }

            // h_i = SHA-256(h_{i-1} || record): the link hashed ahead if it covers exactly these bytes, else here.
            useAhead = useAhead && ahead!.TryTake(index, pos, end, next);
            if (!useAhead)
            {
                hash.AppendData(chain);
                hash.AppendData(record);
                hash.GetHashAndReset(next);
            }

            (chain, next) = (next, chain);
            pos = end;
            index++;
            if (state.Closed && pos == f.Length)
            {
                state.Chain = chain;
                state.Records = index;
                return state.Finish(state.Recovered ? RecordingStatus.ClosedByRecovery : RecordingStatus.Complete);
            }
        }
    }

    // The open record (docs/recording-format.md §4.2): sequence, press time, the chain before it (the header hash),
    // signature. Returns the failed result, or null when it holds.
    private static RecordingResult? CheckOpenRecord(ReadOnlySpan<byte> b, long body, byte[] chain, RecordingHeader header, ReadOnlySpan<byte> devicePublicKey, int index, int pos, RecordingReadState state)
    {
        if (!CryptographicOperations.FixedTimeEquals(b.Slice(OpenChainAt, RecordingConstants.HashSize), chain))
        {
            return state.Fail(RecordingFormatError.ChainMismatch, index, pos);
        }

        if (!VerifySignature(RecordingConstants.RecordOpen, b, body, devicePublicKey))
        {
            return state.Fail(RecordingFormatError.SignatureInvalid, index, pos);
        }

        long press = BinaryPrimitives.ReadInt64BigEndian(b[OpenPressAt..]);
        if (header.ContinuationIndex == 0 && press < header.StartMonotonicMilliseconds)
        {
            // The pre-record span would be negative: the press cannot be before the oldest kept frame.
            return state.Fail(RecordingFormatError.MalformedHeader, index, pos + RecordingConstants.RecordHeaderSize + OpenPressAt);
        }

        state.OpenSequence = BinaryPrimitives.ReadUInt32BigEndian(b);
        state.PressMonotonic = press;
        state.DeviceSigned = true;
        return null;
    }

    private static bool VerifySignature(byte type, ReadOnlySpan<byte> b, long body, ReadOnlySpan<byte> devicePublicKey)
    {
        int signed = (int)body - RecordingConstants.SignatureSize;
        byte[] label = RecordingConstants.SignatureLabel;
        byte[] message = new byte[label.Length + 1 + signed];
        label.CopyTo(message, 0);
        message[label.Length] = type;
        b[..signed].CopyTo(message.AsSpan(label.Length + 1));
        return Ed25519.Verify(devicePublicKey, message, b.Slice(signed, RecordingConstants.SignatureSize));
    }

    // Signed records: counts, then the chain before this record, then the signature. Returns the failed result, or
    // null when the record holds.
    private static RecordingResult? CheckSignedRecord(byte type, ReadOnlySpan<byte> b, long body, byte[] chain, ReadOnlySpan<byte> devicePublicKey, bool sawLast, int index, int pos, RecordingReadState state)
    {
        uint segments = BinaryPrimitives.ReadUInt32BigEndian(b);
        uint records = BinaryPrimitives.ReadUInt32BigEndian(b[4..]);
        int chainAt = type == RecordingConstants.RecordCheckpoint ? CheckpointChainAt
            : type == RecordingConstants.RecordClose ? CloseChainAt : RecoveryChainAt;
        if (segments != (uint)state.Segments || records != (uint)index)
        {
            return state.Fail(RecordingFormatError.CountMismatch, index, pos);
        }

        if (!CryptographicOperations.FixedTimeEquals(b.Slice(chainAt, RecordingConstants.HashSize), chain))
        {
            return state.Fail(RecordingFormatError.ChainMismatch, index, pos);
        }

        if (!VerifySignature(type, b, body, devicePublicKey))
        {
            return state.Fail(RecordingFormatError.SignatureInvalid, index, pos);
        }

        state.SignedSegments = state.Segments;
        state.SignedMediaFirst = state.MediaFirst;
        state.SignedMediaLast = state.MediaLast;
        state.DeviceSigned = true;
        if (type == RecordingConstants.RecordClose)
        {
            byte reason = b[CloseReasonAt];
            if (reason < 1 || reason > 3)
            {
                return state.Fail(RecordingFormatError.BadCloseReason, index, pos);
            }

            if (!sawLast)
            {
                return state.Fail(RecordingFormatError.MissingLastSegment, index, pos);
            }

            state.CloseReason = (RecordingCloseReason)reason;
            state.EndMonotonic = BinaryPrimitives.ReadInt64BigEndian(b[CloseEndMonotonicAt..]);
            state.Closed = true;
        }
        else if (type == RecordingConstants.RecordRecoveryClose)
        {
            state.BytesCut = BinaryPrimitives.ReadInt64BigEndian(b[RecoveryBytesCutAt..]);
            uint lastGood = BinaryPrimitives.ReadUInt32BigEndian(b[RecoveryLastGoodAt..]);
            state.LastGoodSegment = lastGood == uint.MaxValue ? -1 : lastGood;
            state.Closed = true;
            state.Recovered = true;
        }

        return null;
    }
}
