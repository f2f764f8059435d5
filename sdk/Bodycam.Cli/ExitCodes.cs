namespace Bodycam.Cli;

/// <summary>The exit codes of <c>bodycam</c> (docs/dock-protocol.md, "Command line").</summary>
public static class ExitCodes
{
    /// <summary>Everything asked was done and every check held.</summary>
    public const int Success = 0;

    /// <summary>A check failed: a recording or audit trail did not verify, or a recording was not confirmed.</summary>
    public const int CheckFailed = 1;

    /// <summary>The command line is wrong (unknown option, missing argument, bad value, a path that does not exist, a
    /// folder where a file is expected).</summary>
    public const int Usage = 2;

    /// <summary>The link to the device failed (connect, timeout, closed, malformed answer).</summary>
    public const int LinkFailed = 3;

    /// <summary>The device refused a request (not authenticated, already provisioned, ...).</summary>
    public const int DeviceRefused = 4;

    /// <summary>A key file could not be read (wrong passphrase, wrong type, damaged).</summary>
    public const int KeyError = 5;

    /// <summary>A file or folder could not be read or written: no permission, read-only, disk full, a file where a
    /// folder is expected.</summary>
    public const int FileError = 7;

    /// <summary>An unexpected internal error: one line with "please report" (the stack trace only with
    /// <c>BODYCAM_STACK_TRACE=1</c>).</summary>
    public const int InternalError = 70;
}
