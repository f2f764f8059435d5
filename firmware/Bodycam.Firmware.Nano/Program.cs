using System;
using System.Device.Gpio;
using System.Device.Pwm;
using System.Diagnostics;
using System.Threading;
using Bodycam.Firmware.Board;
using Bodycam.Firmware.Boot;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Nano.Board;
using Bodycam.Firmware.Native;
using Bodycam.Firmware.Recording;
using Bodycam.Firmware.StateMachine;
using nanoFramework.Hardware.Esp32;
using nanoFramework.Runtime.Events;
using nanoFramework.System.IO.FileSystem;

namespace Bodycam.Firmware.Nano;

/// <summary>
/// The device's entry point on the reference board (hardware-notes.md): routes the pins, builds the board's parts and
/// passes them to <see cref="DeviceBuilder"/>, the same composition the emulator and the nanoCLR tests use, then runs
/// the board loop. The loop is the core's only thread: GPIO, serial and camera callbacks only queue inputs or wake
/// the loop, which hands frames to the core, polls it, hands dock bytes to the dock service, updates the LEDs and
/// buzzer, and then waits until the core's next deadline, the next cue step, or the next event.
/// </summary>
/// <remarks>
/// Not built in this repository (see README, "Firmware on a real device"): it needs the ESP32 packages.
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

    // The ESP32 nanoFramework target's internal flash file system (a partition of the module's SPI flash, not the
    // card): holds the journal of open recordings (hardware-notes.md, "Storage").
    private const string InternalDrive = "I:\\";
    private const string DockPortName = "COM2";
    private const string FirmwareVersion = "1.0.0";

    // Video bitrate of the hardware encoder (hardware-notes.md, "Memory budget").
    private const int VideoBitsPerSecond = 4000000;

    // What the PSRAM budget leaves the pre-record ring (hardware-notes.md, "Memory budget": about 20 MB).
    private const int PreRecordArenaLimitBytes = 20 * 1000 * 1000;

    private static readonly AutoResetEvent s_wake = new AutoResetEvent(false);
    private static DeviceCore? s_core;
    private static IClock? s_clock;
    private static bool s_powerFailing;

    /// <summary>Runs the camera until power is lost.</summary>
    public static void Main()
    {
        // Route the ESP32-P4's I2C and PWM peripherals to the board's pins (hardware-notes.md, "Pin map").
        nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(BoardPins.I2cData, DeviceFunction.I2C1_DATA);
        nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(BoardPins.I2cClock, DeviceFunction.I2C1_CLOCK);
        nanoFramework.Hardware.Esp32.Configuration.SetPinFunction(BoardPins.Buzzer, DeviceFunction.PWM1);

        var gpio = new GpioController();
        gpio.OpenPin(BoardPins.SecureElementEnable, PinMode.Output);
        gpio.Write(BoardPins.SecureElementEnable, PinValue.High);

        var clock = new NativeClock();
        var cues = new GpioCueOutput(
            gpio, PwmChannel.CreateFromPin(BoardPins.Buzzer, BoardPins.BuzzerFrequencyHertz, 0));
        s_clock = clock;

        // No card, no recording: wait (with the fault cue) until a card mounts; the device must never start a
        // recording it could not store.
        MountCard(cues, clock);
        var storage = new SdCardFileStorage(CardDrive, CardFolder);
        var internalStorage = new SdCardFileStorage(InternalDrive, CardFolder);
        var secureElement = new NativeSecureElement();
        var camera = new NativeCamera(1280, 720, 30, VideoBitsPerSecond, 60, LargestFrameBytes);
        var dockChannel = new SerialDockChannel(DockPortName, s_wake);

        // The device is composed where the emulator and the tests on nanoCLR compose it (Boot/DeviceBuilder): audit
        // trail, provisioning, the configuration the dock stored, the pre-record ring sized from this board's budget,
        // recovery of what a power cut left open, the writer, the core and the dock service.
        var builder = new DeviceBuilder(new BoardParts
        {
            Clock = clock,
            RealTimeClock = new NativeRealTimeClock(),
            Battery = new FuelGaugeBattery(BoardPins.I2cBus),
            Camera = camera,
            Cues = cues,
            Storage = storage,
            InternalStorage = internalStorage,
            Crypto = new NativeCryptoEngine(),
            SecureElement = secureElement,
            Random = new NativeRandom(),
            DockChannel = dockChannel,
        })
        {
            Budget = new PreRecordBudget
            {
                // hardware-notes.md, "Memory budget": 4 Mbit/s H.264, 16 kHz 16-bit mono audio in 20 ms blocks.
                VideoBytesPerSecond = VideoBitsPerSecond / 8,
                AudioBytesPerSecond = 32000,
                FramesPerSecond = 30 + 50,
                LargestFrameBytes = LargestFrameBytes,
                ArenaLimitBytes = PreRecordArenaLimitBytes,
            },
            WriterOptions = new RecordingWriterOptions
            {
                DeviceId = DeviceIdentity.FromSecureElement(secureElement),
                VideoCodec = 2, // H.264 from the hardware encoder (hardware-notes.md, "Video capture and encoding").
                Width = 1280,
                Height = 720,
                FramesPerSecond = 30,
            },
            FirmwareVersion = FirmwareVersion,
        };
        DeviceAssembly device = builder.Build();
        if (device.RecoveryError != null)
        {
            // Reported on the debug port; the core meets the card's state at its next write (see DeviceBuilder).
            Debug.WriteLine("Recovery stopped by a storage error: " + device.RecoveryError.Message);
        }

        DeviceCore core = device.Core;
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

        RunLoop(core, device.DockService, dockChannel, camera, cues, clock);

        // Power is going: the core has finalized the recording and wiped the pre-record. Leave the pins quiet and
        // wait for the supercap to run out (or the power to come back, which resets through the brown-out detector).
        button.Dispose();
        cues.Dispose();
        storage.Dispose();
        Thread.Sleep(Timeout.Infinite);
    }

    private static void RunLoop(
        DeviceCore core, DockService dock, SerialDockChannel dockChannel, NativeCamera camera, GpioCueOutput cues, IClock clock)
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
            dockChannel.Pump(dock);
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
