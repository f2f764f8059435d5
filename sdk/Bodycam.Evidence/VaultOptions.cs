using System;
using System.IO;
using Bodycam.Evidence.Storage;
using Bodycam.Sdk.Devices;

namespace Bodycam.Evidence;

/// <summary>Where the vault keeps things and who may act in it.</summary>
public sealed class VaultOptions
{
    /// <summary>Gets the vault folder: the content-addressed store of encrypted originals (objects/, tmp/).</summary>
    public required string Root { get; init; }

    /// <summary>Gets the metadata database (default: SQLite file vault.db in <see cref="Root"/>).</summary>
    public VaultDatabase? Database { get; init; }

    /// <summary>Gets the roles file's content: municipalities, retention periods, actors and roles.</summary>
    public required RolesFile Roles { get; init; }

    /// <summary>Gets the device registry: which device belongs to which municipality, with its public key.</summary>
    public required DeviceRegistry Registry { get; init; }

    /// <summary>Gets the clock (tests pass a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Gets how old an unfinished intake must be before a start removes it (another process may be running it). Default 15 minutes.</summary>
    public TimeSpan IntakeGrace { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Gets how many recordings one sweep transaction marks. Default 256.</summary>
    public int SweepBatch { get; init; } = 256;

    /// <summary>Gets a hook called at each <see cref="VaultStep"/>; a test throws from it to stop there as a crash would.</summary>
    public Action<VaultStep>? FaultHook { get; init; }

    /// <summary>
    /// Gets the folder under which <c>vault view</c> makes its private viewing folders. Default: /dev/shm when it
    /// exists (memory, so the plaintext never reaches a disk), else the system's temporary folder.
    /// </summary>
    public string ViewFolder { get; init; } = Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath();

    /// <summary>Gets where intake adds up the time of its parts (the bench passes one), or null.</summary>
    public IntakeTimings? Timings { get; init; }
}
