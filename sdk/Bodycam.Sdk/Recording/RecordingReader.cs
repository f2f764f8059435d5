using System;
using System.IO;
using System.Security.Cryptography;
using Bodycam.Sdk.Crypto;

namespace Bodycam.Sdk.Recording;

/// <summary>
/// Reads recording files (docs/recording-format.md, versions 1 and 2; <see cref="RecordingResult.Version"/> says which). The header is parsed by
/// <see cref="RecordingHeaderFormat"/>, the payload opened by <see cref="PayloadStream"/> and the records checked by
/// <see cref="RecordVerifier"/>; this class puts them together. <see cref="Verify"/> needs only the device's public
/// key: it checks the structure, the hash chain and the device's signatures. <see cref="Decrypt"/> also opens every
/// segment with a recipient's private key. Neither passes a partial file off as complete: see
/// <see cref="RecordingResult.Status"/>. Malformed headers throw <see cref="RecordingFormatException"/>; a key with
/// no stanza throws <see cref="WrongKeyException"/>.
/// </summary>
public sealed class RecordingReader
{
    /// <summary>The newest format version this reader reads (it also reads version 1).</summary>
    public const int FormatVersion = RecordingConstants.Version;

    private readonly ReadOnlyMemory<byte> _file;

    /// <summary>Initializes a new instance of the <see cref="RecordingReader"/> class over a file's bytes.</summary>
    /// <param name="file">The whole file.</param>
    public RecordingReader(ReadOnlyMemory<byte> file)
    {
        _file = file;
    }

    /// <summary>Opens a file from disk.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The reader.</returns>
    public static RecordingReader Open(string path)
    {
        return new RecordingReader(File.ReadAllBytes(path));
    }

    /// <summary>Parses the header.</summary>
    /// <returns>The header.</returns>
    /// <exception cref="RecordingFormatException">Not a recording file, an unknown version, or a malformed or cut header.</exception>
    public RecordingHeader ReadHeader()
    {
        return RecordingHeaderFormat.Parse(_file);
    }

    /// <summary>
    /// Verifies the structure, the hash chain and the device's signatures, without decrypting. Without a key the
    /// segments themselves are authenticated only by the signed chain, so a change after the last signed record of
    /// a file that is not closed cannot be seen (the status is then <see cref="RecordingStatus.Truncated"/> anyway).
    /// </summary>
    /// <param name="devicePublicKey">The device's Ed25519 public key, from a trusted source (enrolment).</param>
    /// <returns>The result.</returns>
    public RecordingResult Verify(ReadOnlySpan<byte> devicePublicKey)
    {
        return Read(devicePublicKey, ReadOnlySpan<byte>.Empty, false);
    }

    /// <summary>Verifies and decrypts with a recipient's X25519 private key.</summary>
    /// <param name="devicePublicKey">The device's Ed25519 public key, from a trusted source (enrolment).</param>
    /// <param name="recipientPrivateKey">The municipality's 32-byte X25519 private key.</param>
    /// <returns>The result with the frames and markers.</returns>
    /// <exception cref="WrongKeyException">No recipient stanza is for this key.</exception>
    public RecordingResult Decrypt(ReadOnlySpan<byte> devicePublicKey, ReadOnlySpan<byte> recipientPrivateKey)
    {
        if (recipientPrivateKey.Length != X25519.KeySize)
        {
            throw new ArgumentException("The recipient private key must be 32 bytes.", nameof(recipientPrivateKey));
        }

        return Read(devicePublicKey, recipientPrivateKey, true);
    }

    /// <summary>Checks that <paramref name="next"/> continues <paramref name="previous"/> (same recording, next index, linked chain).</summary>
    /// <param name="previous">The earlier file's result (it must have closed with reason Continued).</param>
    /// <param name="next">The next file's result.</param>
    /// <exception cref="RecordingFormatException">The files are not linked (<see cref="RecordingFormatError.ContinuationMismatch"/>).</exception>
    public static void VerifyContinuation(RecordingResult previous, RecordingResult next)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(next);
        bool linked = previous.Status == RecordingStatus.Complete
            && previous.CloseReason == RecordingCloseReason.Continued
            && previous.Header.RecordingId == next.Header.RecordingId
            && next.Header.ContinuationIndex == previous.Header.ContinuationIndex + 1
            && CryptographicOperations.FixedTimeEquals(previous.Header.DevicePublicKey.Span, next.Header.DevicePublicKey.Span)
            && CryptographicOperations.FixedTimeEquals(previous.FinalChainHash.Span, next.Header.PreviousChainHash.Span);
        if (!linked)
        {
            throw new RecordingFormatException(RecordingFormatError.ContinuationMismatch, -1, 0, "The file does not continue the previous one.");
        }
    }

    private RecordingResult Read(ReadOnlySpan<byte> devicePublicKey, ReadOnlySpan<byte> recipientPrivateKey, bool decrypt)
    {
        if (devicePublicKey.Length != Ed25519.PublicKeySize)
        {
            throw new ArgumentException("The device public key must be 32 bytes.", nameof(devicePublicKey));
        }

        RecordingHeader header = ReadHeader();
        var state = new RecordingReadState(header);
        if (!CryptographicOperations.FixedTimeEquals(header.DevicePublicKey.Span, devicePublicKey))
        {
            return state.Fail(RecordingFormatError.DeviceKeyMismatch, -1, RecordingHeaderLayout.DeviceKey.Offset);
        }

        PayloadStream? payload = null;
        try
        {
            if (decrypt)
            {
                payload = PayloadStream.Open(header, recipientPrivateKey, _file.Length, state);
                if (payload is null)
                {
                    return state.Result!;
                }
            }

            return RecordVerifier.Walk(_file, header, devicePublicKey, payload, state);
        }
        finally
        {
            payload?.Dispose();
        }
    }
}
