using System;
using System.Device.Gpio;
using System.Device.Pwm;
using System.Diagnostics;
using System.Threading;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Board;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Nano.Board;
using Bodycam.Firmware.Native;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.Storage;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Runtime.Events;
using nanoFramework.System.IO.FileSystem;

namespace Bodycam.Firmware.Nano;

/// <summary>
/// The device's entry point on the reference board (hardware-notes.md): builds the board's parts, the encrypted
/// recording storage, the audit trail and the <see cref="DeviceCore"/>, then runs the board loop. The loop is the
/// core's only thread: GPIO callbacks and the camera's frame event only queue inputs or wake the loop, which hands
/// frames to the core, polls it, updates the LEDs and buzzer, and then waits until the core's next deadline, the next
/// cue step, or the next event.
/// </summary>
/// <remarks>
/// Not built in this repository (see README, "Firmware on a real device"). Not wired yet: the dock service over USB
/// CDC (its device-side adapters for recordings, status and configuration belong with the dock protocol) and a
/// configuration pushed by the dock; the device runs on <see cref="DeviceConfiguration"/>'s defaults.
/// </remarks>
public static class Program
{
    // The loop wakes at least this often even without events, so a lost frame event cannot stall the ring.
    private const int MaximumWaitMilliseconds = 100;

    // Largest encoded frame the copy-out buffer takes: an IDR frame at 4 Mbit/s and 30 fps is several times the
    // 16.7 KB average (hardware-notes.md, "Memory budget").
    private const int LargestFrameBytes = 256 * 1024;

    // nanoFramework mounts the SD card as drive D: on ESP32 targets (internal flash storage is I:).
    private const string CardDrive = "D:\\";
    private const string CardFolder = "BODYCAM";
    private const string AuditFileName = "audit.log";

    private static readonly AutoResetEvent s_wake = new AutoResetEvent(false);
    private static DeviceCore? s_core;
    private static IClock? s_clock;
    private static bool s_powerFailing;

    /// <summary>Runs the camera until power is lost.</summary>
    public static void Main()
    {
        // Route the ESP32-P4's I2C and PWM peripherals to the board's pins (hardware-notes.md, "Pin map").
        Configuration.SetPinFunction(BoardPins.I2cData, DeviceFunction.I2C1_DATA);
        Configuration.SetPinFunction(BoardPins.I2cClock, DeviceFunction.I2C1_CLOCK);
        Configuration.SetPinFunction(BoardPins.Buzzer, DeviceFunction.PWM1);

        var gpio = new GpioController();
        gpio.OpenPin(BoardPins.SecureElementEnable, PinMode.Output);
        gpio.Write(BoardPins.SecureElementEnable, PinValue.High);

        var clock = new NativeClock();
        var realTimeClock = new NativeRealTimeClock();
        var crypto = new NativeCryptoEngine();
        var secureElement = new NativeSecureElement();
        var random = new NativeRandom();
        var battery = new FuelGaugeBattery(BoardPins.I2cBus);
        var cues = new GpioCueOutput(
            gpio, PwmChannel.CreateFromPin(BoardPins.Buzzer, BoardPins.BuzzerFrequencyHertz, 0));
        s_clock = clock;

        var configuration = new DeviceConfiguration();

        // No card, no recording: wait (with the fault cue) until a card mounts; the device must never start a
        // recording it could not store.
        MountCard(cues, clock);
        var storage = new SdCardFileStorage(CardDrive, CardFolder);

        var provisioning = new ProvisioningStore(storage, crypto, secureElement);
        provisioning.Load();
        var audit = new AuditTrail(storage, crypto, secureElement, realTimeClock, AuditFileName);
        audit.Open();

        // Close what a power cut left open before anything new is written (recovery signs a "closed by recovery"
        // record; the audit trail names each recording, never the wearer).
        var store = new RecordingStore(storage, crypto, secureElement, configuration.StorageReserveBytes);
        try
        {
            string[] recovered = store.RecoverInterrupted();
            for (int i = 0; i < recovered.Length; i++)
            {
                audit.Append(AuditEventType.RecordingRecovered, clock.ReadMilliseconds(), recovered[i]);
            }
        }
        catch (StorageException e)
        {
            // A failing card must not stop the boot (the emulator's board does the same): the core meets the error
            // at its next write and enters the StorageError fault (docs/state-machine.md); what recovery could not
            // close stays on the card for the next boot. Reported on the debug port, not swallowed.
            Debug.WriteLine("Recovery stopped by a storage error: " + e.Message);
        }

        var writerOptions = new RecordingWriterOptions
        {
            DeviceId = DeviceIdOf(secureElement),
            VideoCodec = 2, // H.264 from the hardware encoder (hardware-notes.md, "Video capture and encoding").
            Width = 1280,
            Height = 720,
            FramesPerSecond = 30,
        };
        var recordings = new RecordingWriter(writerOptions, store, crypto, secureElement, random, provisioning);
        var camera = new NativeCamera(1280, 720, 30, 4000000, 60, LargestFrameBytes);

        var hardware = new DeviceHardware
        {
            Clock = clock,
            RealTimeClock = realTimeClock,
            Battery = battery,
            Camera = camera,
            Cues = cues,
            Recordings = recordings,
            Audit = audit,
            Provisioning = provisioning,
        };
        var core = new DeviceCore(configuration, hardware);
        s_core = core;

        // Inputs: the button adapter queues its edges itself; dock detect and power fail are handled here.
        var button = new RecordButtonGpio(gpio, BoardPins.RecordButton, core, clock);
        gpio.OpenPin(BoardPins.DockDetect, PinMode.Input);
        gpio.RegisterCallbackForPinValueChangedEvent(
            BoardPins.DockDetect, PinEventTypes.Rising | PinEventTypes.Falling, OnDockDetectChanged);
        gpio.OpenPin(BoardPins.PowerFail, PinMode.InputPullUp);
        gpio.RegisterCallbackForPinValueChangedEvent(BoardPins.PowerFail, PinEventTypes.Falling, OnPowerFail);
        CustomEvent.CustomEventPosted += OnNativeEvent;

        core.Boot(button.ReadPressed());
        core.EnqueueDockDetect(gpio.Read(BoardPins.DockDetect) == PinValue.High, clock.ReadMilliseconds());

        RunLoop(core, camera, cues, clock);

        // Power is going: the core has finalized the recording and wiped the pre-record. Leave the pins quiet and
        // wait for the supercap to run out (or the power to come back, which resets through the brown-out detector).
        button.Dispose();
        cues.Dispose();
        storage.Dispose();
        Thread.Sleep(Timeout.Infinite);
    }

    private static void RunLoop(DeviceCore core, NativeCamera camera, GpioCueOutput cues, IClock clock)
    {
        while (!s_powerFailing)
        {
            // Frames first: the native ring is only 2 s deep (hardware-notes.md, "Video capture and encoding").
            while (camera.TryReadFrame())
            {
                core.OnFrame(
                    camera.Kind, camera.IsKeyFrame, camera.TimestampMilliseconds, camera.Buffer, 0, camera.Length);
            }

            core.Poll();
            long now = clock.ReadMilliseconds();
            cues.Update(now);

            long next = core.NextDeadlineMilliseconds;
            long cueNext = cues.NextChangeMilliseconds(now);
            if (cueNext < next)
            {
                next = cueNext;
            }

            long wait = next - now;
            if (wait > MaximumWaitMilliseconds)
            {
                wait = MaximumWaitMilliseconds;
            }

            if (wait > 0)
            {
                s_wake.WaitOne((int)wait, false);
            }
        }

        core.PowerDown();
        cues.Update(clock.ReadMilliseconds());
    }

    private static void MountCard(GpioCueOutput cues, IClock clock)
    {
        var card = new SDCard(new SDCard.SDCardMmcParameters
        {
            dataWidth = SDCard.SDDataWidth._4_bit,
            enableCardDetectPin = true,
            cardDetectPin = BoardPins.CardDetect,
        });

        while (true)
        {
            try
            {
                card.Mount();
                return;
            }
            catch (Exception e)
            {
                // Mount reports a missing or unreadable card with more than one exception type. Reported, not
                // swallowed: the fault cue tells the officer, the debug port tells the engineer.
                Debug.WriteLine("SD card not mounted: " + e.Message);
            }

            cues.SetLed(Led.Status, LedPattern.AmberBlink);
            cues.Play(Cue.Fault);
            long retryAt = clock.ReadMilliseconds() + 5000;
            long now;
            while ((now = clock.ReadMilliseconds()) < retryAt)
            {
                cues.Update(now);
                s_wake.WaitOne(50, false);
            }
        }
    }

    private static string DeviceIdOf(ISecureElement secureElement)
    {
        // The device id in each recording header: "BC-" and the first 8 bytes of the SE050's Ed25519 public key in
        // hex, stable for the device's life and meaningless without the enrolment record.
        const string Hex = "0123456789abcdef";
        byte[] key = new byte[32];
        secureElement.ReadDevicePublicKey(key, 0);
        char[] id = new char[3 + 16];
        id[0] = 'B';
        id[1] = 'C';
        id[2] = '-';
        for (int i = 0; i < 8; i++)
        {
            id[3 + (2 * i)] = Hex[key[i] >> 4];
            id[4 + (2 * i)] = Hex[key[i] & 0x0F];
        }

        return new string(id);
    }

    private static void OnDockDetectChanged(object sender, PinValueChangedEventArgs e)
    {
        if (s_core != null && s_clock != null)
        {
            s_core.EnqueueDockDetect(e.ChangeType == PinEventTypes.Rising, s_clock.ReadMilliseconds());
        }

        s_wake.Set();
    }

    private static void OnPowerFail(object sender, PinValueChangedEventArgs e)
    {
        s_powerFailing = true;
        s_wake.Set();
    }

    private static void OnNativeEvent(object sender, CustomEventArgs e)
    {
        // The native camera component posts a custom event when a frame lands in its ring.
        s_wake.Set();
    }
}
