using System;
using System.Collections.Generic;
using System.IO;

namespace Bodycam.Evidence.Storage;

/// <summary>
/// The content-addressed folder of encrypted originals: each file is stored unchanged under
/// <c>objects/ab/abcdef…</c>, named by the lowercase hex SHA-256 of its bytes. A file is written to
/// <c>tmp/</c>, flushed to disk, then renamed into place, so an object is either whole or absent; a move intake
/// renames the flushed source file itself into place instead (same file system only). Objects are read-only
/// (no write permission for anyone).
/// </summary>
public sealed class ObjectStore
{
    // The unit of a temporary file's write and of its early write-back.
    private const int WriteBlock = 4 << 20;

    /// <summary>Initializes a new instance of the <see cref="ObjectStore"/> class.</summary>
    /// <param name="root">The vault folder (objects/ and tmp/ are made inside it).</param>
    public ObjectStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(ObjectsFolder);
        Directory.CreateDirectory(TemporaryFolder);
    }

    /// <summary>Gets the vault folder.</summary>
    public string Root { get; }

    private string ObjectsFolder => Path.Combine(Root, "objects");

    private string TemporaryFolder => Path.Combine(Root, "tmp");

    /// <summary>Gets the folder where recovery puts a moved file it cannot give back at its source path: <c>returned/&lt;owner&gt;/&lt;file name&gt;</c>.</summary>
    public string ReturnedFolder => Path.Combine(Root, "returned");

    /// <summary>
    /// Whether files in <paramref name="folder"/> can be moved into the store by rename: the folder and the object
    /// store are on the same file system (same device number). False when it cannot be told (not Linux).
    /// </summary>
    /// <param name="folder">An existing folder.</param>
    /// <returns>True when a move intake can rename its files into the store.</returns>
    public bool SameFileSystem(string folder)
    {
        ulong? store = FileSystem.DeviceOf(ObjectsFolder);
        ulong? source = FileSystem.DeviceOf(folder);
        return store is not null && store == source;
    }

    /// <summary>The path of an object.</summary>
    /// <param name="sha256">The lowercase hex SHA-256.</param>
    /// <returns>The path.</returns>
    public string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !IsLowerHex(sha256))
        {
            throw new ArgumentException("An object name is 64 lowercase hex digits.", nameof(sha256));
        }

        return Path.Combine(ObjectsFolder, sha256[..2], sha256);
    }

    /// <summary>Whether an object exists.</summary>
    /// <param name="sha256">The object's hash.</param>
    /// <returns>True when it exists.</returns>
    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    /// <summary>Its length, or -1 when it does not exist.</summary>
    /// <param name="sha256">The object's hash.</param>
    /// <returns>The length.</returns>
    public long LengthOf(string sha256)
    {
        var info = new FileInfo(PathOf(sha256));
        return info.Exists ? info.Length : -1;
    }

    /// <summary>The temporary file an intake owned by <paramref name="owner"/> writes an object through.</summary>
    /// <param name="owner">The intake's owner id.</param>
    /// <param name="sha256">The object's hash.</param>
    /// <returns>The temporary path.</returns>
    public string TemporaryPathOf(string owner, string sha256) => Path.Combine(TemporaryFolder, owner + "-" + sha256);

    /// <summary>Writes the object's bytes to its temporary file and flushes them to disk (step 1 of a put).</summary>
    /// <param name="owner">The intake's owner id.</param>
    /// <param name="sha256">The bytes' hash.</param>
    /// <param name="bytes">The bytes.</param>
    /// <returns>The temporary path.</returns>
    public string WriteTemporary(string owner, string sha256, ReadOnlySpan<byte> bytes)
    {
        string temporary = TemporaryPathOf(owner, sha256);

        // Unbuffered, in blocks: each block goes from the caller's buffer to the page cache and its write-back to the
        // disk starts at once, so the disk runs beside the next block and beside verification; one fsync at the end.
        using var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        for (int offset = 0; offset < bytes.Length; offset += WriteBlock)
        {
            int count = Math.Min(WriteBlock, bytes.Length - offset);
            stream.Write(bytes.Slice(offset, count));
            WriteBack.Start(stream.SafeFileHandle, offset, count);
        }

        stream.Flush(flushToDisk: true);
        return temporary;
    }

    /// <summary>Renames a flushed temporary file into place (step 2 of a put). An existing object is kept.</summary>
    /// <param name="temporary">The temporary file.</param>
    /// <param name="sha256">The object's hash.</param>
    public void Commit(string temporary, string sha256)
    {
        string target = PathOf(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (File.Exists(target))
        {
            File.Delete(temporary);
            return;
        }

        MakeReadOnly(temporary);
        File.Move(temporary, target, overwrite: false);
    }

    /// <summary>
    /// Renames a source file, already flushed to disk, into place as the object (a move intake) and makes it
    /// read-only. Returns false, having changed nothing, when the source is on another file system than the store.
    /// The caller has checked that the object does not exist yet, and flushes the two folders afterwards
    /// (<see cref="SyncObjectFolder"/>, <see cref="FileSystem.SyncFolder"/>).
    /// </summary>
    /// <param name="source">The source file (its bytes hash to <paramref name="sha256"/>).</param>
    /// <param name="sha256">The object's hash.</param>
    /// <returns>True when moved.</returns>
    public bool MoveIn(string source, string sha256)
    {
        string target = PathOf(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!FileSystem.Rename(source, target))
        {
            return false;
        }

        MakeReadOnly(target);
        return true;
    }

    /// <summary>
    /// Gives a source file, already flushed to disk, a second name as the object (a link intake: one file, its bytes
    /// not written again) and makes it read-only (under both names: they are one file). Returns false, having changed
    /// nothing, when the source is on another file system than the store. The caller has checked that the object does
    /// not exist yet, and flushes the object's folder afterwards.
    /// </summary>
    /// <param name="source">The source file (its bytes hash to <paramref name="sha256"/>).</param>
    /// <param name="sha256">The object's hash.</param>
    /// <returns>True when linked.</returns>
    public bool LinkIn(string source, string sha256)
    {
        string target = PathOf(sha256);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (!FileSystem.Link(source, target))
        {
            return false;
        }

        MakeReadOnly(target);
        return true;
    }

    /// <summary>Whether <paramref name="path"/> is the object itself under another name (same device and inode: a link intake's source).</summary>
    /// <param name="path">An existing file.</param>
    /// <param name="sha256">The object's hash.</param>
    /// <returns>True when they are one file.</returns>
    public bool IsSameFile(string path, string sha256)
    {
        string target = PathOf(sha256);
        if (!File.Exists(target))
        {
            return false;
        }

        (ulong, ulong)? stored = FileSystem.IdentityOf(target);
        return stored is not null && stored == FileSystem.IdentityOf(path);
    }

    /// <summary>
    /// Renames an object back out of the store (recovery of a move intake that did not commit) and gives the
    /// owner's write permission back. Returns false, having changed nothing, when <paramref name="destination"/> is on
    /// another file system.
    /// </summary>
    /// <param name="sha256">The object's hash.</param>
    /// <param name="destination">Where it goes; must not exist.</param>
    /// <returns>True when moved.</returns>
    public bool MoveOut(string sha256, string destination)
    {
        if (!FileSystem.Rename(PathOf(sha256), destination))
        {
            return false;
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(destination, File.GetUnixFileMode(destination) | UnixFileMode.UserWrite);
        }

        return true;
    }

    /// <summary>Flushes the entries of the folder that holds an object (after a rename into or out of it).</summary>
    /// <param name="sha256">The object's hash.</param>
    public void SyncObjectFolder(string sha256) => FileSystem.SyncFolder(Path.GetDirectoryName(PathOf(sha256))!);

    /// <summary>Lists the files recovery returned to <see cref="ReturnedFolder"/> (paths relative to it).</summary>
    /// <returns>The relative paths.</returns>
    public IEnumerable<string> EnumerateReturned()
    {
        if (!Directory.Exists(ReturnedFolder))
        {
            yield break;
        }

        foreach (string path in Directory.EnumerateFiles(ReturnedFolder, "*", SearchOption.AllDirectories))
        {
            yield return Path.GetRelativePath(ReturnedFolder, path);
        }
    }

    /// <summary>Deletes an object; a missing one is not an error (a sweep may be repeated after a crash).</summary>
    /// <param name="sha256">The object's hash.</param>
    /// <returns>True when a file was deleted.</returns>
    public bool Delete(string sha256)
    {
        string path = PathOf(sha256);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    /// <summary>Deletes a temporary file if it exists.</summary>
    /// <param name="owner">The intake's owner id.</param>
    /// <param name="sha256">The object's hash.</param>
    public void DeleteTemporary(string owner, string sha256)
    {
        string path = TemporaryPathOf(owner, sha256);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    /// <summary>Lists every object's hash.</summary>
    /// <returns>The hashes, in no particular order; names that are not object names are returned as found.</returns>
    public IEnumerable<string> Enumerate()
    {
        foreach (string path in Directory.EnumerateFiles(ObjectsFolder, "*", SearchOption.AllDirectories))
        {
            yield return Path.GetFileName(path);
        }
    }

    /// <summary>Lists the temporary files (name = owner-sha256).</summary>
    /// <returns>The file names.</returns>
    public IEnumerable<string> EnumerateTemporary()
    {
        foreach (string path in Directory.EnumerateFiles(TemporaryFolder))
        {
            yield return Path.GetFileName(path);
        }
    }

    // Objects are evidence: nobody gets write permission (the folder's permission still governs deletion by the sweep).
    private static void MakeReadOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, File.GetUnixFileMode(path) & ~(UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite));
        }
    }

    private static bool IsLowerHex(string value)
    {
        foreach (char c in value)
        {
            if (!(char.IsAsciiDigit(c) || (c >= 'a' && c <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}
