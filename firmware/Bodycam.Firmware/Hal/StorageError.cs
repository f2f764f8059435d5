namespace Bodycam.Firmware.Hal;

/// <summary>Why a storage operation failed.</summary>
public enum StorageError
{
    /// <summary>The volume has no room for the write.</summary>
    Full = 1,

    /// <summary>The medium reported an error (or is missing).</summary>
    IoError = 2,

    /// <summary>The named file does not exist.</summary>
    NotFound = 3,

    /// <summary>A file of that name already exists.</summary>
    AlreadyExists = 4,

    /// <summary>Power was lost during the operation (emulator fault injection: the board stops here).</summary>
    PowerLost = 5,
}
