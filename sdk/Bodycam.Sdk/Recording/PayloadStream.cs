using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using Bodycam.Sdk.Crypto;
using Bodycam.Sdk.Media;

namespace Bodycam.Sdk.Recording;

/// <summary>
/// The payload stream and nothing else (docs/recording-format.md, "3.1", "3.2", "4.1" and "4.2"): opens the content
/// key from the recipient's stanza, derives the payload key, opens each segment under its STREAM nonce and AAD, and
/// parses the frame and marker records of its plaintext. The walk over the records that decides the order, the chain
/// and the signatures is <see cref="RecordVerifier"/>'s.
/// </summary>
internal sealed class PayloadStream : IDisposable
{
    private readonly AesGcm256 _aead;
    private readonly byte[] _nonce = new byte[RecordingConstants.NonceSize];
    private readonly byte[] _aad = new byte[RecordingConstants.HashSize + 5];

    // One arena for all plaintext (never larger than the file): frames are slices of it, and a long recording costs
    // one allocation instead of one large-object allocation per segment.
    private readonly byte[] _arena;
    private int _arenaUsed;

    // What the header allows in the plaintext (docs/recording-format.md, "4.2"): audio entries only with audio.
    private readonly bool _hasAudio;

    private PayloadStream(AesGcm256 aead, RecordingHeader header, int fileLength)
    {
        _aead = aead;
        header.HeaderHash.Span.CopyTo(_aad);
        _hasAudio = header.AudioFormat != 0;
        _arena = GC.AllocateUninitializedArray<byte>(fileLength);
    }

    /// <summary>The outcome of opening one segment.</summary>
    public enum SegmentOutcome
    {
        /// <summary>The segment opened and its plaintext parsed.</summary>
        Opened,

        /// <summary>The tag did not verify.</summary>
        AuthenticationFailed,

        /// <summary>The plaintext is not a sequence of well-formed frame and marker records.</summary>
        MalformedPlaintext,
    }

    /// <summary>
    /// Opens the payload key with a recipient's private key. A key with no stanza throws; a stanza that does not
    /// open marks <paramref name="state"/> tampered and returns null.
    /// </summary>
    /// <param name="header">The parsed header.</param>
    /// <param name="privateKey">The recipient's X25519 private key.</param>
    /// <param name="fileLength">The file's length (the plaintext arena's size).</param>
    /// <param name="state">The read's state.</param>
    /// <returns>The stream, or null when the stanza is invalid.</returns>
    /// <exception cref="WrongKeyException">No recipient stanza is for this key.</exception>
    public static PayloadStream? Open(RecordingHeader header, ReadOnlySpan<byte> privateKey, int fileLength, RecordingReadState state)
    {
        byte[] ourPublic = X25519.GetPublicKey(privateKey);
        RecipientStanza? stanza = null;
        foreach (RecipientStanza candidate in header.Recipients)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate.RecipientPublicKey.Span, ourPublic))
            {
                stanza = candidate;
                break;
            }
        }

        if (stanza is null)
        {
            throw new WrongKeyException("The recording has no recipient stanza for this key.");
        }

        byte[] shared = Array.Empty<byte>();
        byte[] wrapKey = Array.Empty<byte>();
        byte[]? contentKey = null;
        byte[] payloadKey = Array.Empty<byte>();
        try
        {
            // RFC 7748 section 6.1: an all-zero secret means a low-order ephemeral share; reject it.
            if (!X25519.TryAgree(privateKey, stanza.EphemeralPublicKey.Span, out shared))
            {
                state.Fail(RecordingFormatError.RecipientStanzaInvalid, -1, stanza.Offset);
                return null;
            }

            byte[] salt = new byte[2 * RecordingConstants.KeySize];
            stanza.EphemeralPublicKey.Span.CopyTo(salt);
            ourPublic.CopyTo(salt, RecordingConstants.KeySize);
            wrapKey = Hkdf.DeriveKey(shared, salt, RecordingConstants.RecipientLabel, RecordingConstants.KeySize);
            contentKey = AesGcm256.Open(wrapKey, new byte[RecordingConstants.NonceSize], stanza.SealedContentKey.Span, ReadOnlySpan<byte>.Empty);
            if (contentKey is null)
            {
                state.Fail(RecordingFormatError.RecipientStanzaInvalid, -1, stanza.Offset);
                return null;
            }

            payloadKey = Hkdf.DeriveKey(contentKey, header.HeaderHash.Span, RecordingConstants.PayloadLabel, RecordingConstants.KeySize);
            return new PayloadStream(new AesGcm256(payloadKey), header, fileLength);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(shared);
            CryptographicOperations.ZeroMemory(wrapKey);
            CryptographicOperations.ZeroMemory(payloadKey);
            if (contentKey is not null)
            {
                CryptographicOperations.ZeroMemory(contentKey);
            }
        }
    }

    /// <summary>Opens one segment and adds its frames and markers to <paramref name="state"/>.</summary>
    /// <param name="segmentIndex">The segment's index.</param>
    /// <param name="flags">The segment's flags (bit 0: last).</param>
    /// <param name="ciphertextAndTag">The ciphertext followed by the tag.</param>
    /// <param name="state">The read's state.</param>
    /// <returns>The outcome.</returns>
    public SegmentOutcome OpenSegment(uint segmentIndex, byte flags, ReadOnlySpan<byte> ciphertextAndTag, RecordingReadState state)
    {
        // STREAM nonce and AAD (docs/recording-format.md, "Segments").
        Array.Clear(_nonce);
        BinaryPrimitives.WriteUInt32BigEndian(_nonce.AsSpan(7), segmentIndex);
        _nonce[11] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(_aad.AsSpan(RecordingConstants.HashSize), segmentIndex);
        _aad[RecordingConstants.HashSize + 4] = flags;
        int n = ciphertextAndTag.Length - RecordingConstants.TagSize;
        var plain = new ReadOnlyMemory<byte>(_arena, _arenaUsed, n);
        if (!_aead.TryOpen(_nonce, ciphertextAndTag[..n], ciphertextAndTag.Slice(n, RecordingConstants.TagSize), _aad, _arena.AsSpan(_arenaUsed, n)))
        {
            return SegmentOutcome.AuthenticationFailed;
        }

        _arenaUsed += n;
        return ParseFrames(plain, state) ? SegmentOutcome.Opened : SegmentOutcome.MalformedPlaintext;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _aead.Dispose();
    }

    // Parses a segment's entries; a segment that does not parse adds nothing (its entries are never reported).
    private bool ParseFrames(ReadOnlyMemory<byte> memory, RecordingReadState state)
    {
        int frames = state.Frames.Count;
        int markers = state.Markers.Count;
        if (ParseEntries(memory, state))
        {
            return true;
        }

        state.Frames.RemoveRange(frames, state.Frames.Count - frames);
        state.Markers.RemoveRange(markers, state.Markers.Count - markers);
        return false;
    }

    private bool ParseEntries(ReadOnlyMemory<byte> memory, RecordingReadState state)
    {
        int p = 0;
        ReadOnlySpan<byte> plain = memory.Span;
        while (p < plain.Length)
        {
            if (plain.Length - p < RecordingConstants.FrameHeaderSize)
            {
                return false;
            }

            byte kind = plain[p];
            byte flags = plain[p + 1];
            long timestamp = BinaryPrimitives.ReadInt64BigEndian(plain[(p + 2)..]);
            uint length = BinaryPrimitives.ReadUInt32BigEndian(plain[(p + 10)..]);
            if ((flags & 0xFE) != 0 || length > (uint)(plain.Length - p - RecordingConstants.FrameHeaderSize))
            {
                return false;
            }

            int start = p + RecordingConstants.FrameHeaderSize;
            switch (kind)
            {
                case (byte)MediaKind.Video:
                    state.Frames.Add(new MediaFrame(MediaKind.Video, timestamp, (flags & 1) != 0, memory.Slice(start, (int)length)));
                    state.SeeEntry(timestamp);
                    break;
                case (byte)MediaKind.Audio:
                    // Audio in a file without audio, or not whole 16-bit samples, is malformed.
                    if (!_hasAudio || (length & 1) != 0)
                    {
                        return false;
                    }

                    state.Frames.Add(new MediaFrame(MediaKind.Audio, timestamp, (flags & 1) != 0, memory.Slice(start, (int)length)));
                    state.SeeEntry(timestamp);
                    break;
                case RecordingConstants.FrameMarker:
                    // A marker's flags are 0 (docs/recording-format.md, "Segment plaintext").
                    if (length != 0 || flags != 0)
                    {
                        return false;
                    }

                    state.Markers.Add(timestamp);
                    state.SeeEntry(timestamp);
                    break;
                default:
                    return false;
            }

            p = start + (int)length;
        }

        return true;
    }
}
