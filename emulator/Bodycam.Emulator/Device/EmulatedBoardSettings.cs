using System;
using Bodycam.Emulator.Board;
using Bodycam.Emulator.Scenarios;
using Bodycam.Firmware.Boot;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Recording;

namespace Bodycam.Emulator.Device;

/// <summary>
/// What the emulated board passes to <see cref="DeviceBuilder"/> besides its parts: the board's settings (the
/// scenario's overrides over the defaults), the pre-record budget of its simulated camera and microphone, and the
/// recording header's fields.
/// </summary>
internal static class EmulatedBoardSettings
{
    /// <summary>The simulated microphone's sample rate.</summary>
    public const int AudioSampleRate = 16000;

    /// <summary>The simulated microphone's block length.</summary>
    public const int AudioBlockMilliseconds = 100;

    /// <summary>The defaults with the scenario's overrides and the simulated camera's key-frame interval.</summary>
    /// <param name="o">The overrides.</param>
    /// <param name="camera">The camera settings.</param>
    /// <returns>A new configuration.</returns>
    public static DeviceConfiguration Configuration(DeviceOverrides o, CameraSettings camera)
    {
        var configuration = new DeviceConfiguration
        {
            CameraKeyFrameIntervalMilliseconds = KeyFrameIntervalMilliseconds(camera),
        };
        if (o.PreRecordMilliseconds is long window)
        {
            configuration.PreRecordWindowMilliseconds = window;
        }

        if (o.PreRecordAudio is bool audio)
        {
            configuration.PreRecordIncludesAudio = audio;
        }

        if (o.ReminderIntervalMilliseconds is long reminder)
        {
            configuration.ReminderIntervalMilliseconds = reminder;
        }

        if (o.HoldToStopMilliseconds is long hold)
        {
            configuration.StopHoldMilliseconds = hold;
        }

        return configuration;
    }

    /// <summary>
    /// The time between two key frames of the simulated camera when none is requested, rounded up: a group of
    /// pictures in GOP mode, one frame in JPEG mode (every frame is a key frame).
    /// </summary>
    /// <param name="camera">The camera settings.</param>
    /// <returns>The interval in milliseconds.</returns>
    public static long KeyFrameIntervalMilliseconds(CameraSettings camera)
    {
        long frames = camera.Mode == CameraMode.Gop ? Math.Max(1, camera.Gop) : 1;
        long fps = Math.Max(1, camera.FramesPerSecond);
        return ((frames * 1000) + fps - 1) / fps;
    }

    /// <summary>
    /// The pre-record budget of the simulated camera: the bitrate in GOP mode; in JPEG mode every frame may be as large
    /// as the camera's buffer. Audio is 16-bit mono at <see cref="AudioSampleRate"/> in blocks of
    /// <see cref="AudioBlockMilliseconds"/>.
    /// </summary>
    /// <param name="camera">The camera settings.</param>
    /// <param name="largestFrameBytes">The camera's frame buffer size.</param>
    /// <returns>The budget.</returns>
    public static PreRecordBudget Budget(CameraSettings camera, int largestFrameBytes)
    {
        return new PreRecordBudget
        {
            VideoBytesPerSecond = camera.Mode == CameraMode.Gop
                ? camera.BitsPerSecond / 8
                : (long)largestFrameBytes * camera.FramesPerSecond,
            AudioBytesPerSecond = AudioSampleRate * 2L,
            FramesPerSecond = camera.FramesPerSecond + (1000 / AudioBlockMilliseconds),
            LargestFrameBytes = largestFrameBytes,
        };
    }

    /// <summary>The recording header's fields for the emulated camera.</summary>
    /// <param name="options">The device options.</param>
    /// <returns>New writer options.</returns>
    public static RecordingWriterOptions WriterOptions(EmulatedDeviceOptions options)
    {
        CameraSettings camera = options.Camera;
        var writer = new RecordingWriterOptions
        {
            DeviceId = options.DeviceId,
            Width = camera.Width,
            Height = camera.Height,
            FramesPerSecond = camera.FramesPerSecond,
            VideoCodec = camera.Mode == CameraMode.Jpeg ? 1 : 3,
            AudioSampleRate = AudioSampleRate,
        };
        if (options.Overrides.MaxFileDurationMilliseconds is long maxFile)
        {
            writer.FileMaxMilliseconds = (int)Math.Min(int.MaxValue, maxFile);
        }

        return writer;
    }
}
