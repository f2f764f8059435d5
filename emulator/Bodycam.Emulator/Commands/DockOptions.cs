using System.CommandLine;

namespace Bodycam.Emulator.Commands;

/// <summary>The dock endpoint options <c>--dock-port</c> and <c>--dock-pty</c>, the same for <c>run</c> and <c>live</c>.</summary>
public static class DockOptions
{
    /// <summary>Creates <c>--dock-port P</c>.</summary>
    /// <returns>The option (null when not given).</returns>
    public static Option<int?> Port()
    {
        Option<int?> option = new("--dock-port")
        {
            Description = "Serve the dock protocol over TCP on 127.0.0.1, port P + device index (0 picks free ports).",
            HelpName = "P",
            CustomParser = r => (int)OptionParsers.Number(r, 0, 65535, "--dock-port is 0..65535 (0 picks free ports)"),
        };
        return option;
    }

    /// <summary>Creates <c>--dock-pty</c>.</summary>
    /// <returns>The option.</returns>
    public static Option<bool> Pty()
    {
        return new("--dock-pty") { Description = "Serve the dock protocol on a pseudo-terminal (/dev/pts/N) per device, a serial port for bodycam --serial." };
    }
}
