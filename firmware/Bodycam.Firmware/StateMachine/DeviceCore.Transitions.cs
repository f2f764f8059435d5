using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.StateMachine;

/// <content>
/// The checks that move the device between standby, faults and the dock, and the state, camera and light changes
/// each transition makes.
/// </content>
public sealed partial class DeviceCore
{
    private void CheckBattery(long now)
    {
        if (now < _nextBatteryCheck || _state == DeviceState.Docked)
        {
            return;
        }

        _nextBatteryCheck = now + _configuration.BatteryCheckIntervalMilliseconds;
        int percent = _battery.ReadPercent();
        if (percent <= _configuration.BatteryCriticalPercent)
        {
            if (_state == DeviceState.Recording)
            {
                // Finalize cleanly first (docs/state-machine.md, low battery); EnterOperational then finds the battery
                // critical and audits the fault against this recording: it explains the close.
                FaultInRecording(_recordingId);
                FinishRecording(true);
                _faultRecordingId = string.Empty;
            }
            else if (_state == DeviceState.Standby)
            {
                EnterFault(FaultReason.BatteryCritical);
            }
        }
        else if (_state == DeviceState.Fault && _fault == FaultReason.BatteryCritical
            && percent >= _configuration.BatteryResumePercent)
        {
            EnterOperational(false);
        }
    }

    private void CheckClock(long now)
    {
        if (_state != DeviceState.Standby && _state != DeviceState.Recording)
        {
            return;
        }

        bool notSet = !_realTimeClock.IsSet;
        if (notSet == _clockNotSet)
        {
            return;
        }

        _clockNotSet = notSet;
        if (notSet)
        {
            _cues.Play(Cue.ClockNotSet);
            _clockCue.Start(now);
        }
        else
        {
            _clockCue.Stop();
        }

        UpdateLights();
    }

    private void CheckProvisioning()
    {
        if (_state == DeviceState.Fault && _fault == FaultReason.NotProvisioned && _provisioning.IsProvisioned)
        {
            EnterOperational(false);
        }
    }

    private void EnterOperational(bool booting)
    {
        if (_docked)
        {
            EnterDocked();
            return;
        }

        if (!_provisioning.IsProvisioned)
        {
            EnterFault(FaultReason.NotProvisioned);
            return;
        }

        _nextBatteryCheck = _now + _configuration.BatteryCheckIntervalMilliseconds;
        if (_battery.ReadPercent() <= _configuration.BatteryCriticalPercent)
        {
            EnterFault(FaultReason.BatteryCritical);
            return;
        }

        if (_buttonStuck)
        {
            EnterFault(FaultReason.ButtonStuck);
            return;
        }

        _fault = FaultReason.None;
        _faultCue.Stop();
        StartCamera();
        SetState(DeviceState.Standby);
        if (booting)
        {
            _cues.Play(Cue.Ready);
        }

        _clockNotSet = !_realTimeClock.IsSet;
        if (_clockNotSet)
        {
            if (booting || !_clockCue.IsActive)
            {
                _cues.Play(Cue.ClockNotSet);
                _clockCue.Start(_now);
            }
        }
        else
        {
            _clockCue.Stop();
        }
    }

    private void EnterFault(FaultReason reason)
    {
        _fault = reason;
        _warning = FaultReason.None;
        _reminder.Stop();
        _clockCue.Stop();
        StopCamera();

        // Standby ends without a recording: wipe the pre-record (docs/state-machine.md, "Pre-record ring").
        _preRecord.Clear();
        SetState(DeviceState.Fault);
        Cue cue = StatusLights.FaultCue(reason);
        _cues.Play(cue);
        _faultCue.Start(cue, _now);

        AuditFault(reason);
    }

    // docs/audit-trail.md, "Event types": a fault that closes a recording is audited against it with the time since
    // its start. Outside a recording a battery fault is not evidence (and would log the wearer's usage), and enrolment
    // is not either (logging it at every boot would log power-ons); other faults carry no time.
    private void AuditFault(FaultReason reason)
    {
        string recordingId = _faultRecordingId;
        _faultRecordingId = string.Empty;
        string name = StatusLights.FaultName(reason);
        if (recordingId.Length > 0)
        {
            AppendAudit(AuditEventType.Fault, AuditTimeBase.SinceRecordingStart, _faultRecordingElapsed, name + ";recording=" + recordingId);
        }
        else if (reason != FaultReason.NotProvisioned && reason != FaultReason.BatteryCritical)
        {
            AppendAudit(AuditEventType.Fault, AuditTimeBase.None, 0, name);
        }
    }

    private void EnterDocked()
    {
        StopAllCues();
        StopCamera();
        _preRecord.Clear();
        _warning = FaultReason.None;
        _fault = FaultReason.None;
        SetState(DeviceState.Docked);
    }

    private void StopAllCues()
    {
        _reminder.Stop();
        _clockCue.Stop();
        _faultCue.Stop();
    }

    private void StartCamera()
    {
        if (!_cameraRunning)
        {
            _camera.Start();
            _cameraRunning = true;
        }
    }

    private void StopCamera()
    {
        if (_cameraRunning)
        {
            _camera.Stop();
            _cameraRunning = false;
        }
    }

    private void SetState(DeviceState state)
    {
        DeviceState previous = _state;
        _state = state;
        UpdateLights();
        if (previous != state)
        {
            DeviceStateChangedEventHandler? handler = StateChanged;
            if (handler != null)
            {
                handler(this, new DeviceStateChangedEventArgs(previous, state, Fault, _now));
            }
        }
    }

    private void UpdateLights()
    {
        _cues.SetLed(Led.Recording, StatusLights.RecordingLed(_state));
        FaultReason warning = _warning != FaultReason.None ? _warning
            : (_clockNotSet ? FaultReason.ClockNotSet : FaultReason.None);
        _cues.SetLed(Led.Status, StatusLights.StatusLed(_state, warning));
    }
}
