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

    // Recording files (verify, export): docs/export.md, "Exit codes of bodycam verify and export".

    /// <summary>A recording file cannot be read at all (missing, a folder, no permission), or export has nothing to export (the first file's header is refused).</summary>
    public const int RecordingUnreadable = 10;

    /// <summary>export: the recording is not sealed to the recipient key given (another municipality's key).</summary>
    public const int ExportWrongRecipientKey = 11;

    /// <summary>export: the bundle folder was not made (it exists, its parent is missing or not writable, the disk is full).</summary>
    public const int ExportBundleNotMade = 12;

    /// <summary>export: cancelled (Ctrl+C); no bundle and no staging folder are left behind.</summary>
    public const int ExportCancelled = 13;
}
