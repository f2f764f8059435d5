using System;
using System.Diagnostics;
using System.Threading;
using Bodycam.Emulator.Device;
using Spectre.Console;

namespace Bodycam.Emulator.Live;

/// <summary>
/// The interactive device: simulated time follows the wall clock; keys schedule button edges, dock and power events
/// on the device's scheduler, so a gesture has the same timing as in a scenario.
/// </summary>
public static class LiveSession
{
    /// <summary>Runs until the user quits.</summary>
    /// <param name="seed">The device's seed.</param>
    /// <param name="dockPort">Serve the dock on 127.0.0.1 at this port (0 picks one), or null.</param>
    /// <param name="dockPty">Serve the dock on a pseudo-terminal.</param>
    /// <param name="stop">Ends the session as the quit key does.</param>
    /// <returns>0.</returns>
    public static int Run(ulong seed, int? dockPort, bool dockPty, CancellationToken stop)
    {
        var options = new EmulatedDeviceOptions
        {
            Seed = seed,
            Camera = new Board.CameraSettings(Board.CameraMode.Gop, 1280, 720, 25, 2_000_000, 25),
            Keys = KeyRing.FromSeed(seed),
        };
        using var device = new EmulatedDevice(options);
        if (dockPort is int port)
        {
            device.StartDockTcp(port);
        }

        if (dockPty)
        {
            device.StartDockPty();
        }

        var wall = Stopwatch.StartNew();
        bool quit = false;
        AnsiConsole.Live(LiveRenderer.Render(LiveViewModel.From(device, 8))).Start(context =>
        {
            while (!quit && !stop.IsCancellationRequested)
            {
                while (Console.KeyAvailable)
                {
                    quit |= Apply(device, LiveKeyMap.Map(Console.ReadKey(true).KeyChar));
                }

                long target = wall.ElapsedMilliseconds;
                if (target > device.Now)
                {
                    device.Advance(target - device.Now);
                }

                context.UpdateTarget(LiveRenderer.Render(LiveViewModel.From(device, 8)));
                Thread.Sleep(50);
            }
        });
        return 0;
    }

    /// <summary>Applies a key's action to the device.</summary>
    /// <param name="device">The device.</param>
    /// <param name="action">The action.</param>
    /// <returns>Whether to quit.</returns>
    public static bool Apply(EmulatedDevice device, LiveAction action)
    {
        ArgumentNullException.ThrowIfNull(device);
        switch (action)
        {
            case LiveAction.Quit:
                return true;
            case LiveAction.ToggleDock:
                if (device.IsDocked)
                {
                    device.Undock();
                }
                else
                {
                    device.Dock();
                }

                break;
            case LiveAction.TogglePower:
                if (device.Core == null)
                {
                    device.PowerOn();
                }
                else
                {
                    device.PowerCut();
                }

                break;
            case LiveAction.None:
                break;
            default:
                foreach ((long offset, bool pressed) in LiveKeyMap.Edges(action))
                {
                    bool down = pressed;
                    device.Scheduler.Schedule(device.Now + offset, () => device.SetButton(down));
                }

                break;
        }

        return false;
    }
}
