using System;
using Bodycam.Firmware.Checks;

namespace Bodycam.Firmware.NanoTrace;

/// <summary>
/// The differential trace's runner (firmware/nano-trace): the same source runs on nanoCLR (this project) and on
/// net10.0 (firmware/Bodycam.Firmware.TraceRunner). For each scenario it prints "scenario NAME", every event of the
/// device assembly driven by the scenario's inputs (states, cues, LEDs, audit records, each frame and marker handed
/// to the writer with a digest of its plaintext), then "end NAME". The scripts are generated from scenarios/*.yaml
/// into Generated/TraceScripts.g.cs.
/// </summary>
public static class TraceProgram
{
    /// <summary>Runs every scenario.</summary>
    public static void Main()
    {
        for (int i = 0; i < TraceScripts.Names.Length; i++)
        {
            Console.WriteLine("scenario " + TraceScripts.Names[i]);
            TraceScript.Run(TraceScripts.Scripts[i]);
            Console.WriteLine("end " + TraceScripts.Names[i]);
        }
    }
}
