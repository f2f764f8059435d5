using System;
using System.Collections.Generic;
using Bodycam.Emulator.Board;
using Bodycam.Emulator.Scenarios;
using Bodycam.Firmware.Storage;
using Bodycam.Sdk.Recording;

namespace Bodycam.Emulator.Device;

/// <summary>
/// Reads what an emulated device's card holds, as a host would after an offload: each recording verified and
/// decrypted with the SDK's reader, the audit trail verified with the device's public key. Works on a device whose
/// power is off (the card's durable contents as they are).
/// </summary>
internal sealed class StoredRecordingsReader
{
    private readonly EmulatedDevice _device;

    /// <summary>Creates the reader for one device.</summary>
    /// <param name="device">The device whose card is read.</param>
    public StoredRecordingsReader(EmulatedDevice device)
    {
        _device = device;
    }

    private object BoardLock => _device.BoardLock;

    private SimulatedStorage Storage => _device.Storage;

    private SimulatedSecureElement SecureElement => _device.SecureElement;

    /// <summary>Lists and summarizes every recording on the card.</summary>
    /// <returns>The report.</returns>
    public RecordingsReport ReadRecordings()
    {
        lock (BoardLock)
        {
            bool wasOff = !Storage.IsPowered;
            RecordingStore store = _device.Store ?? new RecordingStore(Storage, _device.Crypto, SecureElement, 0);
            if (wasOff)
            {
                // Reading a card from a dead device: the durable contents as they are.
                Storage.Reset();
            }

            RecordingInfo[] infos = store.ListRecordings();
            var summaries = new List<RecordingSummary>();
            foreach (RecordingInfo info in infos)
            {
                summaries.Add(Summarize(info));
            }

            if (wasOff)
            {
                Storage.CutPower();
            }

            return new RecordingsReport(infos.Length, summaries);
        }
    }


    /// <summary>Verifies the audit trail on the card.</summary>
    /// <returns>The report.</returns>
    public AuditReport ReadAudit()
    {
        lock (BoardLock)
        {
            bool wasOff = !Storage.IsPowered;
            if (wasOff)
            {
                Storage.Reset();
            }

            try
            {
                if (!Storage.Exists(EmulatedDevice.AuditFileName))
                {
                    return new AuditReport(false, "no audit trail on storage", Array.Empty<string>());
                }

                Bodycam.Sdk.Audit.AuditVerification verification = Bodycam.Sdk.Audit.AuditTrailVerifier.Verify(Storage.ReadAllBytes(EmulatedDevice.AuditFileName), SecureElement.DevicePublicKey);
                var events = new List<string>();
                foreach (Bodycam.Sdk.Audit.AuditRecord record in verification.Records)
                {
                    events.Add(Names.Kebab(record.Kind.ToString()));
                }

                bool valid = verification.Status == Bodycam.Sdk.Audit.AuditTrailStatus.Valid;
                string detail = Names.Kebab(verification.Status.ToString()) + (valid ? string.Empty : " at byte " + verification.FailureOffset + ": " + verification.FailureReason);
                return new AuditReport(valid, detail, events);
            }
            finally
            {
                if (wasOff)
                {
                    Storage.CutPower();
                }
            }
        }
    }

    // The pre-record span the device declared at Begin for this recording (press less start), or -1.
    private long ObservedPreRecordSpan(string recordingId)
    {
        foreach (RecordingObservation observation in _device.Observations)
        {
            if (string.Equals(observation.Id, recordingId, StringComparison.OrdinalIgnoreCase))
            {
                return observation.PreRecordSpanMilliseconds;
            }
        }

        return -1;
    }

    private RecordingSummary Summarize(RecordingInfo info)
    {
        // Everything comes from the stored file through the SDK's reader: each file verified (signatures, hash chain)
        // and decrypted with the municipality's private key, continuations checked against their predecessor. The
        // trigger is the press time, on the recording's own clock (times in a file count from file 0's start, the
        // oldest pre-record frame: docs/recording-format.md §1): format 2's open record carries it; for format 1 it is
        // the header's start plus the span the device declared at Begin, or the header's start for a recording this
        // run did not make.
        long trigger = -1;
        long observedSpan = ObservedPreRecordSpan(info.RecordingId);
        byte[] devicePublicKey = SecureElement.DevicePublicKey;
        byte[] recipientKey = _device.Options.Keys.RecipientPrivateKey(_device.Options.Municipality);
        long firstVideo = -1;
        long lastVideo = -1;
        long videoFrames = 0;
        long audioFrames = 0;
        long firstAudio = long.MaxValue;
        int markers = 0;
        string status = "complete";
        string verification;
        try
        {
            RecordingResult? previous = null;
            int segments = 0;
            int signed = 0;
            foreach (string file in info.FileNames)
            {
                RecordingResult result = new RecordingReader(Storage.ReadAllBytes(file)).Decrypt(devicePublicKey, recipientKey);
                if (previous != null)
                {
                    RecordingReader.VerifyContinuation(previous, result);
                }

                if (previous == null)
                {
                    trigger = result.PressMonotonicMilliseconds
                        ?? result.Header.StartMonotonicMilliseconds + Math.Max(0, observedSpan);
                }

                previous = result;
                segments += result.SegmentCount;
                signed += result.SignedSegmentCount;
                markers += result.Markers.Count;
                if (result.Status != RecordingStatus.Complete)
                {
                    status = result.Status == RecordingStatus.ClosedByRecovery ? "recovered" : Names.Kebab(result.Status.ToString());
                }

                foreach (Bodycam.Sdk.Media.MediaFrame frame in result.Frames)
                {
                    if (frame.Kind == Bodycam.Sdk.Media.MediaKind.Video)
                    {
                        firstVideo = firstVideo < 0 ? frame.TimestampMilliseconds : firstVideo;
                        lastVideo = frame.TimestampMilliseconds;
                        videoFrames++;
                    }
                    else
                    {
                        audioFrames++;
                        firstAudio = Math.Min(firstAudio, frame.TimestampMilliseconds);
                    }
                }
            }

            verification = "verified and decrypted with the SDK reader: " + status + ", " + info.FileNames.Length + " file(s), " + segments + " segments, " + signed + " signed";
        }
        catch (RecordingFormatException e)
        {
            status = "damaged";
            verification = "FAILED verification: " + e.Message;
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(recipientKey);
        }

        if (trigger < 0)
        {
            trigger = firstVideo;
        }

        return new RecordingSummary
        {
            Id = info.RecordingId,
            Status = status,
            Parts = info.FileNames.Length,
            Bytes = info.TotalBytes,
            DurationMilliseconds = firstVideo < 0 ? 0 : lastVideo - firstVideo,
            PreRecordMilliseconds = firstVideo < 0 ? 0 : Math.Max(0, trigger - firstVideo),
            AudioInPreRecord = firstAudio < trigger,
            Markers = markers,
            VideoFrames = videoFrames,
            AudioFrames = audioFrames,
            Verification = verification,
        };
    }
}
