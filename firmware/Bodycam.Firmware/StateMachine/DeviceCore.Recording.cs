using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Recording;

namespace Bodycam.Firmware.StateMachine;

/// <content>Starting, marking, draining and finishing a recording, and what a storage failure does to it.</content>
public sealed partial class DeviceCore
{
    private void StartRecording(long trigger)
    {
        if (!_provisioning.IsProvisioned)
        {
            EnterFault(FaultReason.NotProvisioned);
            return;
        }

        // The window is a maximum (docs/state-machine.md, "Pre-record ring"): nothing older than
        // trigger - window, and the ring starts at its first key frame inside the window. Ask the encoder for a key
        // frame now, so the live part starts decodable when the ring holds none (a start refused below costs one
        // early key frame, no more).
        _preRecord.Trim(trigger);
        _camera.RequestKeyFrame();
        long available;
        try
        {
            available = _recordings.ReadAvailableBytes();
        }
        catch (StorageException ex)
        {
            OnStorageFailure(ex);
            return;
        }

        if (available < _preRecord.BytesUsed + _configuration.StorageReserveBytes)
        {
            RefuseForStorage();
            return;
        }

        // File 0 starts at the oldest frame kept (the pre-record span is trigger - start), or at the trigger when
        // the pre-record is empty or off; a frame kept after the trigger (queued while the gesture was recognised)
        // is live, not pre-record.
        long start = trigger;
        if (_preRecord.Count > 0 && _preRecord.OldestTimestamp < trigger)
        {
            start = _preRecord.OldestTimestamp;
        }

        // Read now for Begin; the cue and the status LED follow at the next clock check in Poll.
        bool clockSet = _realTimeClock.IsSet;
        long unix = clockSet ? _realTimeClock.ReadUnixMilliseconds() - (_now - trigger) : 0;
        string id;
        try
        {
            id = _recordings.Begin(start, trigger, unix, clockSet);
        }
        catch (StorageException ex)
        {
            if (ex.Error == StorageError.Full)
            {
                RefuseForStorage();
            }
            else
            {
                OnStorageFailure(ex);
            }

            return;
        }

        _warning = FaultReason.None;
        _recordingId = id;
        _recordingStart = trigger;
        SetState(DeviceState.Recording);
        _cues.Play(Cue.RecordingStarted);

        // The start's UTC time is evidence (the recording header holds the same); never the monotonic trigger.
        AppendAudit(AuditEventType.RecordingStarted, clockSet ? AuditTimeBase.Utc : AuditTimeBase.None, unix, id);
        _reminder.Start(_now);
        _awaitingKeyFrame = _preRecord.BeginDrain(trigger) == 0;
        Drain(_configuration.PreRecordDrainFramesPerCall);
    }

    private void RefuseForStorage()
    {
        // docs/state-machine.md: a recording that could not be stored does not start; nothing is deleted to make room.
        _warning = FaultReason.StorageFull;
        _cues.Play(Cue.StorageFull);
        UpdateLights();
    }

    private void AddMarker(long timestamp)
    {
        try
        {
            // The writer receives frames and markers in time order: the pre-record goes first.
            while (_preRecord.IsDraining)
            {
                _preRecord.DrainTo(_recordings, _preRecord.Count);
            }

            _recordings.AddMarker(timestamp);
        }
        catch (StorageException ex)
        {
            OnStorageFailure(ex);
            return;
        }

        AppendAudit(AuditEventType.Marker, AuditTimeBase.SinceRecordingStart, timestamp - _recordingStart, _recordingId);
        _cues.Play(Cue.Marker);
    }

    private void Drain(int frames)
    {
        try
        {
            _preRecord.DrainTo(_recordings, frames);
        }
        catch (StorageException ex)
        {
            OnStorageFailure(ex);
        }
    }

    private void FinishRecording(bool thenOperational)
    {
        SetState(DeviceState.Finalizing);
        _reminder.Stop();
        try
        {
            while (_preRecord.IsDraining)
            {
                _preRecord.DrainTo(_recordings, _preRecord.Count);
            }

            _recordings.End(_now);
        }
        catch (StorageException ex)
        {
            OnStorageFailure(ex);
            return;
        }

        AppendAudit(AuditEventType.RecordingStopped, AuditTimeBase.SinceRecordingStart, _now - _recordingStart, _recordingId);
        _cues.Play(Cue.RecordingStopped);
        _recordingId = string.Empty;
        _awaitingKeyFrame = false;

        // The ring held frames now in the recording; wipe them before buffering again.
        _preRecord.Clear();
        if (thenOperational)
        {
            EnterOperational(false);
        }
    }

    private void OnStorageFailure(StorageException ex)
    {
        FaultReason reason = ex.Error == StorageError.Full ? FaultReason.StorageFull : FaultReason.StorageError;
        if (_recordingId.Length > 0)
        {
            // The fault explains why this recording closed: EnterFault audits it with the recording's time.
            FaultInRecording(_recordingId);
        }

        if (_recordings.IsOpen)
        {
            // Close what was written so far: sealed segments stay valid evidence. If closing fails too, the
            // writer's recovery closes the recording at the next boot; the fault below reports the first error.
            try
            {
                _recordings.End(_now);
                AppendAudit(AuditEventType.RecordingStopped, AuditTimeBase.SinceRecordingStart, _now - _recordingStart, _recordingId);
            }
            catch (StorageException)
            {
                UnclosedRecordingCount++;
            }
        }

        _recordingId = string.Empty;
        _reminder.Stop();
        EnterFault(reason);
    }

    // Remembers the recording a fault is about to close (or has just closed), for EnterFault's audit record.
    private void FaultInRecording(string recordingId)
    {
        _faultRecordingId = recordingId;
        _faultRecordingElapsed = _now - _recordingStart;
    }

    private void AppendAudit(AuditEventType type, AuditTimeBase timeBase, long milliseconds, string subject)
    {
        try
        {
            _audit.Append(type, timeBase, milliseconds, subject);
        }
        catch (StorageException)
        {
            // Counted and visible (AuditFailureCount); a failing trail must not stop a recording in progress.
            AuditFailureCount++;
        }
    }
}
