using System;
using Bodycam.Firmware.Configuration;

namespace Bodycam.Firmware.Checks;

/// <summary>
/// Drives a <see cref="TestDevice"/> from a line script, the form the differential trace gives a scenario's inputs
/// (firmware/nano-trace converts scenarios/*.yaml). One command per line, times in milliseconds:
/// <c>window MS</c>, <c>pre-record-audio true|false</c>, <c>provisioned false</c>, <c>clock-set false</c>,
/// <c>max-file MS</c> (settings, before the first <c>power-on</c>); <c>power-on</c>, <c>power-cut</c>,
/// <c>advance MS</c>, <c>press single|double</c>, <c>press hold MS</c>, <c>battery PERCENT</c>, <c>set-clock</c>,
/// <c>storage-fault write-error</c>, <c>storage-fill PERCENT</c>, <c>dock</c>, <c>undock</c>.
/// </summary>
public static class TraceScript
{
    /// <summary>Runs a script on a new device whose trace is echoed to the console, line by line.</summary>
    /// <param name="script">The commands, one per line.</param>
    public static void Run(string script)
    {
        var device = new TestDevice();
        device.Trace.Echo = true;
        Run(script, device);
    }

    /// <summary>
    /// Runs a script on a device the caller prepared (its crypto engine, secure element, random source or segment
    /// size), with the checks' small configuration; the caller reads the device's trace and storage afterwards.
    /// </summary>
    /// <param name="script">The commands, one per line.</param>
    /// <param name="device">A device that has not been powered on yet.</param>
    public static void Run(string script, TestDevice device)
    {
        DeviceConfiguration configuration = TestDevice.SmallConfiguration();
        device.Configuration = configuration;
        bool powered = false;
        string[] lines = script.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0)
            {
                continue;
            }

            int space = line.IndexOf(' ');
            string command = space < 0 ? line : line.Substring(0, space);
            string argument = space < 0 ? string.Empty : line.Substring(space + 1);
            switch (command)
            {
                case "window":
                    configuration.PreRecordWindowMilliseconds = long.Parse(argument);
                    break;
                case "pre-record-audio":
                    configuration.PreRecordIncludesAudio = argument == "true";
                    break;
                case "provisioned":
                    device.Provisioned = argument == "true";
                    break;
                case "clock-set":
                    if (argument == "false")
                    {
                        device.RealTimeClock.Unset();
                    }

                    break;
                case "max-file":
                    device.FileMaxMilliseconds = (int)long.Parse(argument);
                    break;
                case "power-on":
                    device.PowerOn();
                    powered = true;
                    break;
                case "power-cut":
                    device.PowerCut();
                    powered = false;
                    break;
                case "advance":
                    device.Advance(long.Parse(argument));
                    break;
                case "press":
                    Press(device, argument);
                    break;
                case "battery":
                    device.Battery.Percent = int.Parse(argument);
                    device.Trace.Add("battery " + argument);
                    break;
                case "set-clock":
                    device.RealTimeClock.Set(TestDevice.SetTime);
                    device.Trace.Add("clock set");
                    break;
                case "storage-fault":
                    device.Storage.FailWrites = true;
                    device.Trace.Add("storage fault " + argument);
                    break;
                case "storage-fill":
                    device.Storage.Fill(device.Storage.ReadCapacityBytes() * long.Parse(argument) / 100);
                    device.Trace.Add("storage filled " + argument);
                    break;
                case "dock":
                    device.Dock(true);
                    break;
                case "undock":
                    device.Dock(false);
                    break;
                default:
                    throw new ArgumentException("unknown trace command: " + line);
            }

            if (!powered && command != "power-cut" && command != "advance" && IsDeviceCommand(command))
            {
                throw new ArgumentException("the device is off: " + line);
            }
        }
    }

    private static bool IsDeviceCommand(string command)
    {
        return command == "press" || command == "dock" || command == "undock";
    }

    private static void Press(TestDevice device, string argument)
    {
        if (argument == "single")
        {
            device.SinglePress();
        }
        else if (argument == "double")
        {
            device.DoublePress();
        }
        else if (argument.IndexOf("hold ") == 0)
        {
            device.Hold(long.Parse(argument.Substring(5)));
        }
        else
        {
            throw new ArgumentException("unknown press: " + argument);
        }
    }
}
