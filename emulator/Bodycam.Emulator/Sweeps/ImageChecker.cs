using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using Bodycam.Emulator.Device;
using Bodycam.Firmware.Recording;
using Bodycam.Sdk.Audit;
using Bodycam.Sdk.Media;
using Bodycam.Sdk.Recording;

namespace Bodycam.Emulator.Sweeps;

/// <summary>
/// Compares a card image after a cut (or an injected fault) and a reboot with the image of the same run without the
/// cut, file by file, using only what a host has: the device's public key, the municipality's private key and the
/// SDK's reader and audit verifier. The rules (docs/reliability.md): a file finished before the cut is byte-identical
/// and verifies; a file open at the cut verifies and decrypts, keeps the uncut run's bytes up to the recovery record
/// and every byte that was durable before the cut; files made after the cut verify complete; the audit trail
/// verifies and keeps every record that was durable before the cut.
/// </summary>
public sealed class ImageChecker
{
    private static readonly int s_recoveryRecordLength = RecordingFormat.RecordHeaderSize + RecordingFormat.RecoveryBodySize;

    private readonly byte[] _devicePublicKey;
    private readonly byte[] _recipientPrivateKey;
    private readonly IReadOnlyDictionary<string, byte[]> _reference;
    private readonly OperationLog _referenceLog;
    private readonly Dictionary<string, RecordingResult?> _referenceResults = new(StringComparer.Ordinal);

    /// <summary>Initializes a new instance of the <see cref="ImageChecker"/> class.</summary>
    /// <param name="devicePublicKey">The device's Ed25519 public key.</param>
    /// <param name="recipientPrivateKey">The municipality's X25519 private key.</param>
    /// <param name="reference">The uncut run's files by name: those at its end, and each it deleted as it was just before.</param>
    /// <param name="referenceLog">The uncut run's storage operations.</param>
    public ImageChecker(byte[] devicePublicKey, byte[] recipientPrivateKey, IReadOnlyDictionary<string, byte[]> reference, OperationLog referenceLog)
    {
        _devicePublicKey = devicePublicKey ?? throw new ArgumentNullException(nameof(devicePublicKey));
        _recipientPrivateKey = recipientPrivateKey ?? throw new ArgumentNullException(nameof(recipientPrivateKey));
        _reference = reference ?? throw new ArgumentNullException(nameof(reference));
        _referenceLog = referenceLog ?? throw new ArgumentNullException(nameof(referenceLog));
    }

    /// <summary>Gets the recording files of the uncut run (names).</summary>
    public IEnumerable<string> ReferenceRecordingFiles
    {
        get
        {
            foreach (string name in _reference.Keys)
            {
                if (RecordingFormat.TryParseFileName(name, out _, out _))
                {
                    yield return name;
                }
            }
        }
    }

    // A recording file of the uncut run that no logged operation created: it was on the card before the first boot
    // (the log starts there, and the device creates every file of its own after it).
    private bool PlantedBeforeBoot(string name) => _referenceLog.CreatedAt(name) == int.MaxValue;

    /// <summary>Checks an image.</summary>
    /// <param name="cut">The number of the operation the power failed in (or the first that failed).</param>
    /// <param name="image">The files after the reboot, by name.</param>
    /// <param name="imageLog">The storage operations of the run that made the image (to tell files made after the cut).</param>
    /// <param name="earlyCloseAllowed">
    /// Whether the device may have closed the open file itself before the uncut run did (the card filled): its frames
    /// must then be a prefix of the uncut run's instead of its bytes.
    /// </param>
    /// <returns>What was found.</returns>
    public ImageCheck Check(int cut, IReadOnlyDictionary<string, byte[]> image, OperationLog imageLog, bool earlyCloseAllowed)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(imageLog);
        var check = new ImageCheck();
        foreach (string name in ReferenceRecordingFiles)
        {
            byte[] reference = _reference[name];
            RecordingResult? referenceResult = ReferenceResult(name);
            bool finished = referenceResult is { Status: RecordingStatus.Complete or RecordingStatus.ClosedByRecovery };
            if (PlantedBeforeBoot(name))
            {
                // On the card before the first boot and never written by the device (a scenario's planted files):
                // recovery must leave it exactly as it was, whatever the cut.
                if (!image.TryGetValue(name, out byte[]? planted) || !planted.AsSpan().SequenceEqual(reference))
                {
                    check.Problems.Add(name + ": on the card before the first boot, " + (planted == null ? "missing" : "changed") + " after the cut");
                }
            }
            else if (_referenceLog.DeletedAt(name) < cut)
            {
                // Deleted before the cut, after a confirmed offload: it must not come back.
                if (image.ContainsKey(name))
                {
                    check.Problems.Add(name + ": deleted before the cut, on the card after it");
                }
            }
            else if (finished && _referenceLog.LastOperationOn(name) < cut)
            {
                if (!image.TryGetValue(name, out byte[]? bytes))
                {
                    check.Problems.Add(name + ": finished before the cut, missing after it");
                }
                else if (!bytes.AsSpan().SequenceEqual(reference))
                {
                    check.Problems.Add(name + ": finished before the cut, differs from the uncut run at offset " + FirstDifference(bytes, reference) + " (" + bytes.Length + " vs " + reference.Length + " bytes)");
                }
                else
                {
                    check.FinishedIdentical++;
                }
            }
            else if (_referenceLog.CreatedAt(name) < cut)
            {
                if (!image.TryGetValue(name, out byte[]? bytes))
                {
                    check.Problems.Add(name + ": created before the cut, missing after it");
                }
                else
                {
                    long written = SegmentsWithin(reference, _referenceLog.WrittenLengthBefore(name, cut));
                    CheckInterrupted(check, name, bytes, reference, referenceResult, _referenceLog.DurableLengthBefore(name, cut), written, earlyCloseAllowed);
                }
            }
        }

        foreach (KeyValuePair<string, byte[]> file in image)
        {
            if (!RecordingFormat.TryParseFileName(file.Key, out _, out _)
                || (_reference.ContainsKey(file.Key) && (_referenceLog.CreatedAt(file.Key) < cut || PlantedBeforeBoot(file.Key))))
            {
                continue;
            }

            int created = imageLog.CreatedAt(file.Key);
            if (created == int.MaxValue || created < cut)
            {
                check.Problems.Add(file.Key + ": on the card but not made by the uncut run before the cut, nor after it");
                continue;
            }

            RecordingResult? made = Read(file.Value, out string error);
            if (made is { Status: RecordingStatus.Complete })
            {
                check.MadeAfterCut++;
            }
            else
            {
                check.Problems.Add(file.Key + ": made after the cut, does not verify complete: " + (made == null ? error : Describe(made)));
            }
        }

        CheckAudit(check, cut, image);
        return check;
    }

    private void CheckInterrupted(ImageCheck check, string name, byte[] bytes, byte[] reference, RecordingResult? referenceResult, long durable, long segmentsWritten, bool earlyCloseAllowed)
    {
        RecordingResult? result = Read(bytes, out string error);
        int headerLength = reference.Length >= RecordingFormat.PreambleSize ? (int)BinaryPrimitives.ReadUInt32BigEndian(reference.AsSpan(8)) : 0;
        if (result == null || result.Status is RecordingStatus.Truncated or RecordingStatus.Tampered)
        {
            // Acceptable only for a stub: no segment had become durable, and what is there is the uncut run's prefix.
            if (durable <= headerLength && IsPrefix(bytes, bytes.Length, reference))
            {
                check.InterruptedBeforeFirstSegment++;
                return;
            }

            check.Problems.Add(name + ": open at the cut (" + durable + " bytes durable), after recovery " + (result == null ? error : Describe(result)));
            return;
        }

        if (earlyCloseAllowed)
        {
            // The card filled: the device closed the file itself; its media must be the uncut run's, from the start.
            if (referenceResult == null || !FramesArePrefix(result.Frames, referenceResult.Frames))
            {
                check.Problems.Add(name + ": closed when the card filled, but its frames are not the uncut run's");
                return;
            }

            check.InterruptedRecovered++;
            check.BytesCut += result.BytesCut;
            return;
        }

        int kept = result.Status == RecordingStatus.ClosedByRecovery ? bytes.Length - s_recoveryRecordLength : bytes.Length;
        if (kept < 0 || !IsPrefix(bytes, kept, reference))
        {
            check.Problems.Add(name + ": open at the cut, " + Describe(result) + ", but its records differ from the uncut run's at offset " + FirstDifference(bytes, reference));
            return;
        }

        if (kept < durable)
        {
            check.Problems.Add(name + ": open at the cut, recovery kept " + kept + " bytes of the " + durable + " that were durable");
            return;
        }

        if (result.SegmentCount != result.SignedSegmentCount)
        {
            check.Problems.Add(name + ": open at the cut, " + (result.SegmentCount - result.SignedSegmentCount) + " segments not covered by a signature after recovery");
            return;
        }

        // docs/recording-format.md (goals): a power cut loses at most the segment in flight (sealed and written, not yet flushed).
        long lost = Math.Max(0, segmentsWritten - result.SegmentCount);
        if (lost > 1)
        {
            check.Problems.Add(name + ": open at the cut, " + lost + " segments that had been written were lost (at most the one in flight may be)");
            return;
        }

        check.InterruptedRecovered++;
        check.SegmentsLost += lost;
        check.BytesCut += result.BytesCut;
    }

    private void CheckAudit(ImageCheck check, int cut, IReadOnlyDictionary<string, byte[]> image)
    {
        if (!image.TryGetValue(EmulatedDevice.AuditFileName, out byte[]? trail))
        {
            check.Problems.Add(EmulatedDevice.AuditFileName + ": missing");
            return;
        }

        AuditVerification verification = AuditTrailVerifier.Verify(trail, _devicePublicKey);
        if (verification.Status != AuditTrailStatus.Valid)
        {
            check.Problems.Add(EmulatedDevice.AuditFileName + ": " + verification.Status + " at offset " + verification.FailureOffset + ": " + verification.FailureReason);
        }

        check.AuditRecords += verification.Records.Count;
        long durable = _referenceLog.DurableLengthBefore(EmulatedDevice.AuditFileName, cut);
        if (_reference.TryGetValue(EmulatedDevice.AuditFileName, out byte[]? reference)
            && (durable > trail.Length || durable > reference.Length || !trail.AsSpan(0, (int)durable).SequenceEqual(reference.AsSpan(0, (int)durable))))
        {
            check.Problems.Add(EmulatedDevice.AuditFileName + ": the " + durable + " bytes durable before the cut were not kept (differ at offset " + FirstDifference(trail, reference) + ")");
        }
    }

    private RecordingResult? ReferenceResult(string name)
    {
        if (!_referenceResults.TryGetValue(name, out RecordingResult? result))
        {
            result = Read(_reference[name], out _);
            _referenceResults[name] = result;
        }

        return result;
    }

    private RecordingResult? Read(byte[] bytes, out string error)
    {
        try
        {
            error = string.Empty;
            return new RecordingReader(bytes).Decrypt(_devicePublicKey, _recipientPrivateKey);
        }
        catch (RecordingFormatException e)
        {
            error = "unreadable: " + e.Error + " at record " + e.RecordIndex + ", offset " + e.Offset;
            return null;
        }
        catch (WrongKeyException e)
        {
            error = "unreadable: " + e.Message;
            return null;
        }
    }

    // Segment records wholly inside the first `length` bytes (docs/recording-format.md: header, then records of a
    // type byte and a big-endian body length).
    private static long SegmentsWithin(byte[] file, long length)
    {
        if (file.Length < RecordingFormat.PreambleSize)
        {
            return 0;
        }

        long position = BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(8));
        long segments = 0;
        while (position + RecordingFormat.RecordHeaderSize <= Math.Min(length, file.Length))
        {
            long end = position + RecordingFormat.RecordHeaderSize + BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan((int)position + 1));
            if (end > length)
            {
                break;
            }

            segments += file[position] == RecordingFormat.RecordSegment ? 1 : 0;
            position = end;
        }

        return segments;
    }

    private static string Describe(RecordingResult result)
    {
        return result.Status == RecordingStatus.Tampered
            ? "Tampered (" + result.Error + " at record " + result.FailedRecordIndex + ", offset " + result.FailedOffset + ")"
            : result.Status + " with " + result.SegmentCount + " segments";
    }

    private static bool IsPrefix(byte[] bytes, int length, byte[] reference)
    {
        return length <= reference.Length && length <= bytes.Length && bytes.AsSpan(0, length).SequenceEqual(reference.AsSpan(0, length));
    }

    private static long FirstDifference(byte[] a, byte[] b)
    {
        int n = Math.Min(a.Length, b.Length);
        int i = a.AsSpan(0, n).CommonPrefixLength(b.AsSpan(0, n));
        return i;
    }

    private static bool FramesArePrefix(IReadOnlyList<MediaFrame> frames, IReadOnlyList<MediaFrame> reference)
    {
        if (frames.Count > reference.Count)
        {
            return false;
        }

        for (int i = 0; i < frames.Count; i++)
        {
            if (frames[i].Kind != reference[i].Kind || frames[i].TimestampMilliseconds != reference[i].TimestampMilliseconds
                || !frames[i].Data.Span.SequenceEqual(reference[i].Data.Span))
            {
                return false;
            }
        }

        return true;
    }
}
