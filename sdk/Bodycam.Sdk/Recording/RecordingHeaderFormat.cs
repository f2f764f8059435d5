using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using Bodycam.Sdk.Media;
using L = Bodycam.Sdk.Recording.RecordingHeaderLayout;

namespace Bodycam.Sdk.Recording;

/// <summary>
/// Parses the recording header and nothing else (docs/recording-format.md, "3. Header"), every field through
/// <see cref="RecordingHeaderLayout"/>. A malformed, cut or foreign header throws <see cref="RecordingFormatException"/>.
/// </summary>
internal static class RecordingHeaderFormat
{
    private const int MinHeaderLength =
        RecordingConstants.HeaderFixedPrefixSize + 1 + RecordingConstants.HeaderFixedSuffixSize + RecordingConstants.StanzaSize;

    private const int MaxHeaderLength =
        RecordingConstants.HeaderFixedPrefixSize + RecordingConstants.MaxDeviceIdLength + RecordingConstants.HeaderFixedSuffixSize
        + (RecordingConstants.MaxRecipients * RecordingConstants.StanzaSize);

    /// <summary>Parses the header at the start of <paramref name="file"/>.</summary>
    /// <param name="file">The whole file (the header's byte fields are slices of it).</param>
    /// <returns>The header.</returns>
    /// <exception cref="RecordingFormatException">Not a recording file, an unknown version, or a malformed or cut header.</exception>
    public static RecordingHeader Parse(ReadOnlyMemory<byte> file)
    {
        ReadOnlySpan<byte> f = file.Span;
        ReadOnlySpan<byte> magic = RecordingConstants.Magic;
        if (f.Length < RecordingConstants.PreambleSize)
        {
            if (f.Length >= magic.Length && !f[..magic.Length].SequenceEqual(magic))
            {
                throw Format(RecordingFormatError.BadMagic, 0, "Not a recording file.");
            }

            throw Format(RecordingFormatError.TruncatedHeader, 0, "The file ends inside the header.");
        }

        if (!L.Magic.Slice(f, 0).SequenceEqual(magic))
        {
            throw Format(RecordingFormatError.BadMagic, 0, "Not a recording file.");
        }

        int version = L.Version.ReadUInt16(f, 0);
        if (version != RecordingConstants.Version && version != RecordingConstants.Version1)
        {
            throw Format(RecordingFormatError.UnsupportedVersion, L.Version.Offset, "Unsupported format version " + version + ".");
        }

        uint length = L.HeaderLength.ReadUInt32(f, 0);
        if (length < MinHeaderLength || length > MaxHeaderLength)
        {
            throw Format(RecordingFormatError.MalformedHeader, L.HeaderLength.Offset, "Impossible header length.");
        }

        if (f.Length < length)
        {
            throw Format(RecordingFormatError.TruncatedHeader, f.Length, "The file ends inside the header.");
        }

        int idLength = L.DeviceIdLength.ReadByte(f, 0);
        if (idLength < 1 || idLength > RecordingConstants.MaxDeviceIdLength)
        {
            throw Format(RecordingFormatError.MalformedHeader, L.DeviceIdLength.Offset, "Bad device id length.");
        }

        int p = L.SuffixOrigin(idLength);
        int recipients = L.RecipientCount.ReadByte(f, p);
        if (recipients < 1 || recipients > RecordingConstants.MaxRecipients
            || length != L.RecipientStanzas.At(p) + (recipients * RecordingConstants.StanzaSize))
        {
            throw Format(RecordingFormatError.MalformedHeader, L.RecipientCount.At(p), "The recipient count does not match the header length.");
        }

        var stanzas = new List<RecipientStanza>(recipients);
        int s = L.RecipientStanzas.At(p);
        for (int i = 0; i < recipients; i++, s += RecordingConstants.StanzaSize)
        {
            if (L.StanzaType.ReadByte(f, s) != RecordingConstants.StanzaX25519)
            {
                throw Format(RecordingFormatError.MalformedHeader, s, "Unknown recipient stanza type.");
            }

            // The sealed content key and its tag are one ciphertext to AES-GCM.
            var sealedKey = file.Slice(L.StanzaSealedKey.At(s), L.StanzaSealedKey.Length + L.StanzaTag.Length);
            stanzas.Add(new RecipientStanza(L.StanzaRecipientKey.Slice(file, s), L.StanzaEphemeralKey.Slice(file, s), sealedKey, s));
        }

        byte flags = L.Flags.ReadByte(f, p);
        int codec = L.VideoCodec.ReadByte(f, p);
        long segmentMaxBytes = L.SegmentMaxBytes.ReadUInt32(f, p);
        int checkpointInterval = L.CheckpointInterval.ReadUInt16(f, p);
        int idAt = L.DeviceId.Offset;
        for (int i = 0; i < idLength; i++)
        {
            if (f[idAt + i] < 0x20 || f[idAt + i] > 0x7E)
            {
                throw Format(RecordingFormatError.MalformedHeader, idAt + i, "The device id is not printable ASCII.");
            }
        }

        RecordingFieldRanges.Check(f, p, version, recipients);

        return new RecordingHeader
        {
            Version = version,
            Length = (int)length,
            RecordingId = Convert.ToHexStringLower(L.RecordingId.Slice(f, 0)),
            DevicePublicKey = L.DeviceKey.Slice(file, 0),
            DeviceId = Encoding.ASCII.GetString(f.Slice(idAt, idLength)),
            StartMonotonicMilliseconds = L.StartMonotonic.ReadInt64(f, p),
            StartUnixMilliseconds = L.StartUtc.ReadInt64(f, p),
            ClockSynchronised = (flags & 1) != 0,
            ContinuationIndex = L.ContinuationIndex.ReadUInt16(f, p),
            PreviousChainHash = L.PreviousChainHash.Slice(file, p),
            VideoCodec = (VideoCodec)codec,
            Width = L.Width.ReadUInt16(f, p),
            Height = L.Height.ReadUInt16(f, p),
            FramesPerSecond = L.FramesPerSecond.ReadUInt16(f, p),
            AudioSampleRate = (int)L.AudioSampleRate.ReadUInt32(f, p),
            AudioFormat = L.AudioFormat.ReadByte(f, p),
            AudioChannels = L.AudioChannels.ReadByte(f, p),
            SegmentMaxMilliseconds = L.SegmentMaxMilliseconds.ReadUInt32(f, p),
            SegmentMaxBytes = segmentMaxBytes,
            CheckpointInterval = checkpointInterval,
            FileMaxBytes = L.FileMaxBytes.ReadInt64(f, p),
            FileMaxMilliseconds = L.FileMaxMilliseconds.ReadUInt32(f, p),
            Recipients = stanzas,
            HeaderHash = SHA256.HashData(f[..(int)length]),
        };
    }

    private static RecordingFormatException Format(RecordingFormatError error, long offset, string message)
    {
        return new RecordingFormatException(error, -1, offset, message);
    }
}
