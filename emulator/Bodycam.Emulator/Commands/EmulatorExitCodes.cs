namespace Bodycam.Emulator.Commands;

/// <summary>
/// The exit codes of <c>bodycam-emu</c> (docs/emulator.md, "Exit codes"). 0, 1, 2, 3, 5, 7 and 70 mean what they
/// mean for <c>bodycam</c>; 42 and 130 are the emulator's own (6 is <c>bodycam vault</c>'s and never used here).
/// </summary>
public static class EmulatorExitCodes
{
    /// <summary>Every expectation held (or the command did what was asked).</summary>
    public const int Success = 0;

    /// <summary>An expectation failed, a sweep found a violation, or a change went undetected.</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line is wrong, or a scenario is invalid (also: a missing path, a folder where a file is
    /// expected, a <c>--storage</c> folder that holds an earlier run).</summary>
    public const int Usage = 2;

    /// <summary>A dock endpoint could not be opened (<c>--dock-port</c> in use, no pseudo-terminal for <c>--dock-pty</c>).</summary>
    public const int EndpointFailed = 3;

    /// <summary>A key file in <c>--keys</c> could not be read (wrong passphrase, wrong type, damaged).</summary>
    public const int KeyError = 5;

    /// <summary>A file or folder could not be read or written (no permission, read-only, disk full, not a folder).</summary>
    public const int FileError = 7;

    /// <summary>An unexpected internal error: printed as one line with "please report" (the stack trace only with
    /// <c>BODYCAM_STACK_TRACE=1</c>).</summary>
    public const int InternalError = 70;

    /// <summary>Stopped by Ctrl+C before every scenario had run (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>A scenario ran past its simulated time limit.</summary>
    public const int Timeout = 42;
}
