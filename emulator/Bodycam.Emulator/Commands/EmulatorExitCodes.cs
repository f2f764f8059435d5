namespace Bodycam.Emulator.Commands;

/// <summary>
/// The exit codes of <c>bodycam-emu</c> (docs/emulator.md, "Exit codes"). 0, 1, 2 and 5 mean what they mean for
/// <c>bodycam</c>; 42 is the emulator's own.
/// </summary>
public static class EmulatorExitCodes
{
    /// <summary>Every expectation held (or the command did what was asked).</summary>
    public const int Success = 0;

    /// <summary>An expectation failed, a sweep found a violation, or a change went undetected.</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line is wrong, or a scenario is invalid.</summary>
    public const int Usage = 2;

    /// <summary>A key file in <c>--keys</c> could not be read (wrong passphrase, wrong type, damaged).</summary>
    public const int KeyError = 5;

    /// <summary>A scenario ran past its simulated time limit.</summary>
    public const int Timeout = 42;
}
