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

        _preRecord.Trim(trigger);
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

        // Read now for Begin; the cue and the status LED follow at the next clock check in Poll.
        bool clockSet = _realTimeClock.IsSet;
        long unix = clockSet ? _realTimeClock.ReadUnixMilliseconds() - (_now - trigger) : 0;
        string id;
        try
        {
            id = _recordings.Begin(trigger, trigger, unix, clockSet);
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
        SetState(DeviceState.Recording);
        _cues.Play(Cue.RecordingStarted);
        AppendAudit(AuditEventType.RecordingStarted, trigger, id);
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

        AppendAudit(AuditEventType.Marker, timestamp, _recordingId);
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

        AppendAudit(AuditEventType.RecordingStopped, _now, _recordingId);
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
        if (_recordings.IsOpen)
        {
            // Close what was written so far: sealed segments stay valid evidence. If closing fails too, the
            // writer's recovery closes the recording at the next boot; the fault below reports the first error.
            try
            {
                _recordings.End(_now);
                AppendAudit(AuditEventType.RecordingStopped, _now, _recordingId);
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

    private void AppendAudit(AuditEventType type, long timestamp, string subject)
    {
        try
        {
            _audit.Append(type, timestamp, subject);
        }
        catch (StorageException)
        {
            // Counted and visible (AuditFailureCount); a failing trail must not stop a recording in progress.
            AuditFailureCount++;
        }
    }
}
