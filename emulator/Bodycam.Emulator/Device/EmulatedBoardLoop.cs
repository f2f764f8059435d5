using System;
using Bodycam.Emulator.Hardware;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.StateMachine;

namespace Bodycam.Emulator.Device;

/// <summary>
/// The emulated board's loop: moves the virtual clock from event to event (the next video frame, audio block,
/// scheduled event or the core's next deadline) and at each instant does what the device's loop does: hands due
/// frames to the core, polls the core and the dock service. Idle hours cost nothing.
/// </summary>
internal sealed class EmulatedBoardLoop
{
    private const int MaxIterationsAtOneInstant = 1_000_000;

    private readonly EmulatedDevice _device;
    private bool _videoActive;
    private long _videoStart;
    private long _videoIndex;
    private long _nextVideoAt;
    private bool _audioActive;
    private long _nextAudioAt;

    /// <summary>Creates the loop of one device.</summary>
    /// <param name="device">The device.</param>
    public EmulatedBoardLoop(EmulatedDevice device)
    {
        _device = device;
    }

    private VirtualClock Clock => _device.Clock;

    private SimulationScheduler Scheduler => _device.Scheduler;

    private SimulatedCamera Camera => _device.Camera;

    private SimulatedMicrophone Microphone => _device.Microphone;

    private DeviceCore? Core => _device.Core;

    private Bodycam.Firmware.Dock.DockService? DockService => _device.DockService;

    /// <summary>Forgets the running streams (the power went).</summary>
    public void Stop()
    {
        _videoActive = false;
        _audioActive = false;
    }

    /// <summary>Runs until <paramref name="target"/> and until nothing is left to do at that instant.</summary>
    /// <param name="target">The clock time to reach.</param>
    public void RunUntil(long target)
    {
        int sameInstant = 0;
        long lastNow = -1;
        while (true)
        {
            long now = Clock.Now;
            SyncStreams(now);
            long next = target;
            if (_videoActive && _nextVideoAt < next)
            {
                next = _nextVideoAt;
            }

            if (_audioActive && _nextAudioAt < next)
            {
                next = _nextAudioAt;
            }

            if (Scheduler.TryPeekNext(out long at) && at < next)
            {
                next = at;
            }

            DeviceCore? core = Core;
            if (core != null)
            {
                long deadline = core.NextDeadlineMilliseconds;
                if (deadline < next)
                {
                    next = Math.Max(deadline, now);
                }
            }

            if (next > now)
            {
                Clock.AdvanceTo(next);
                now = next;
            }

            sameInstant = now == lastNow ? sameInstant + 1 : 0;
            lastNow = now;
            if (sameInstant > MaxIterationsAtOneInstant)
            {
                throw new InvalidOperationException("The simulation does not progress at " + SimulatedCamera.FormatTime(now) + ".");
            }

            bool busy = Scheduler.RunDue(now) > 0;
            if (_videoActive && _nextVideoAt <= now)
            {
                int length = Camera.Capture(_nextVideoAt, out bool keyFrame);
                Core?.OnFrame(FrameKind.Video, keyFrame, _nextVideoAt, Camera.Buffer, 0, length);
                _videoIndex++;
                _nextVideoAt = Camera.FrameTime(_videoStart, _videoIndex);
                busy = true;
            }

            if (_audioActive && _nextAudioAt <= now)
            {
                int length = Microphone.Capture();
                Core?.OnFrame(FrameKind.Audio, true, _nextAudioAt, Microphone.Buffer, 0, length);
                _nextAudioAt += EmulatedBoardSettings.AudioBlockMilliseconds;
                busy = true;
            }

            core = Core;
            if (core != null)
            {
                core.Poll();
                busy |= core.NextDeadlineMilliseconds <= now;
            }

            // The board loop also lets the dock service's timers act (partial frames, session expiry) in simulated time.
            DockService?.Poll();

            if (now >= target && !busy)
            {
                SyncStreams(now);
                return;
            }
        }
    }

    private void SyncStreams(long now)
    {
        if (Camera.Running && !_videoActive)
        {
            _videoActive = true;
            _videoStart = now;
            _videoIndex = 0;
            _nextVideoAt = now;
        }
        else if (!Camera.Running)
        {
            _videoActive = false;
        }

        bool audio = Camera.Running && (_device.Options.Overrides.Audio ?? true);
        if (audio && !_audioActive)
        {
            Microphone.Start();
            _audioActive = true;
            _nextAudioAt = now;
        }
        else if (!audio && _audioActive)
        {
            Microphone.Stop();
            _audioActive = false;
        }
    }
}
