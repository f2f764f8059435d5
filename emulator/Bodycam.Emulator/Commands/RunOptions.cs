using System.Collections.Generic;

namespace Bodycam.Emulator.Commands;

/// <summary>The options of <c>bodycam-emu run</c>.</summary>
public sealed class RunOptions
{
    /// <summary>Scenario files (a folder given on the command line adds its *.yaml files), or built-in scenario names.</summary>
    public List<string> Scenarios { get; } = new();

    /// <summary><c>--storage dir</c>: keep each device's storage as files under this directory.</summary>
    public string? StorageDirectory { get; set; }

    /// <summary><c>--keys dir</c>: the municipality keys (generated and saved when absent).</summary>
    public string? KeysDirectory { get; set; }

    /// <summary><c>--junit file</c>: write a JUnit XML report.</summary>
    public string? JUnitFile { get; set; }

    /// <summary><c>--timeout d</c>: simulated time limit per scenario.</summary>
    public long? TimeoutMilliseconds { get; set; }

    /// <summary><c>--devices N</c>: run each scenario on a fleet of N devices.</summary>
    public int Devices { get; set; } = 1;

    /// <summary><c>--dock-port p</c>: serve the dock protocol on 127.0.0.1, port p + fleet index (0: free ports).</summary>
    public int? DockPort { get; set; }

    /// <summary><c>--dock-pty</c>: serve the dock protocol on a pseudo-terminal per device.</summary>
    public bool DockPty { get; set; }

    /// <summary><c>--timeline</c> (or a single default run): print each device's timeline.</summary>
    public bool Timeline { get; set; }
}
