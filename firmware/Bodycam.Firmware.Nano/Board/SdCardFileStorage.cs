using System;
using System.IO;
using System.Runtime.CompilerServices;
using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Nano.Board;

/// <summary>
/// The recordings' storage: a FAT32/exFAT SD card on the 4-bit SDMMC slot (hardware-notes.md, "Pin map"), mounted
/// by nanoFramework.System.IO.FileSystem, one flat folder of files. The file being appended stays open between
/// calls (reopening a FAT file per frame would cost a directory walk each time); <see cref="Flush"/> commits it so a
/// power cut loses at most the segment in flight (hardware-notes.md, "Power": segments are sealed and synced as they
/// are produced).
/// Free space comes from the native component (FatFs' f_getfree), which nanoFramework's DriveInfo does not expose.
/// Every I/O failure becomes a <see cref="StorageException"/> with its <see cref="StorageError"/>.
/// </summary>
public sealed class SdCardFileStorage : IFileStorage, IDisposable
{
    private readonly string _root;
    private readonly string _drive;
    private FileStream? _open;
    private string _openName = string.Empty;

    /// <summary>Initializes a new instance of the <see cref="SdCardFileStorage"/> class over a mounted card.</summary>
    /// <param name="drive">The card's drive, e.g. <c>D:\</c>.</param>
    /// <param name="folder">The folder on the card that holds the device's files (created when missing).</param>
    public SdCardFileStorage(string drive, string folder)
    {
        if (drive == null || drive.Length == 0)
        {
            throw new ArgumentNullException(nameof(drive));
        }

        if (folder == null || folder.Length == 0)
        {
            throw new ArgumentNullException(nameof(folder));
        }

        _drive = drive;
        _root = drive + folder + "\\";
        if (!Directory.Exists(_root))
        {
            Directory.CreateDirectory(_root);
        }
    }

    /// <inheritdoc/>
    public string[] List()
    {
        string[] paths = Directory.GetFiles(_root);
        string[] names = new string[paths.Length];
        for (int i = 0; i < paths.Length; i++)
        {
            names[i] = paths[i].Substring(paths[i].LastIndexOf('\\') + 1);
        }

        return names;
    }

    /// <inheritdoc/>
    public bool Exists(string name)
    {
        return File.Exists(PathOf(name));
    }

    /// <inheritdoc/>
    public void Create(string name)
    {
        string path = PathOf(name);
        if (File.Exists(path))
        {
            throw new StorageException(StorageError.AlreadyExists, "File exists: " + name);
        }

        Close();
        try
        {
            _open = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite);
            _openName = name;
        }
        catch (IOException e)
        {
            throw new StorageException(StorageError.IoError, "Cannot create " + name + ": " + e.Message);
        }
    }

    /// <inheritdoc/>
    public void Append(string name, byte[] buffer, int offset, int count)
    {
        FileStream stream = OpenForWrite(name);
        try
        {
            stream.Seek(0, SeekOrigin.End);
            stream.Write(buffer, offset, count);
        }
        catch (IOException e)
        {
            throw new StorageException(StorageError.IoError, "Cannot append to " + name + ": " + e.Message);
        }
    }

    /// <inheritdoc/>
    public void Flush(string name)
    {
        if (_open != null && _openName == name)
        {
            try
            {
                _open.Flush();
            }
            catch (IOException e)
            {
                throw new StorageException(StorageError.IoError, "Cannot flush " + name + ": " + e.Message);
            }
        }
    }

    /// <inheritdoc/>
    public int Read(string name, long position, byte[] buffer, int offset, int count)
    {
        FileStream stream = OpenForWrite(name);
        try
        {
            if (position >= stream.Length)
            {
                return 0;
            }

            stream.Seek(position, SeekOrigin.Begin);
            return stream.Read(buffer, offset, count);
        }
        catch (IOException e)
        {
            throw new StorageException(StorageError.IoError, "Cannot read " + name + ": " + e.Message);
        }
    }

    /// <inheritdoc/>
    public long GetLength(string name)
    {
        return OpenForWrite(name).Length;
    }

    /// <inheritdoc/>
    public void Truncate(string name, long length)
    {
        FileStream stream = OpenForWrite(name);
        try
        {
            stream.SetLength(length);
            stream.Flush();
        }
        catch (IOException e)
        {
            throw new StorageException(StorageError.IoError, "Cannot truncate " + name + ": " + e.Message);
        }
    }

    /// <inheritdoc/>
    public void Delete(string name)
    {
        string path = PathOf(name);
        if (!File.Exists(path))
        {
            throw new StorageException(StorageError.NotFound, "No such file: " + name);
        }

        if (_openName == name)
        {
            Close();
        }

        File.Delete(path);
    }

    /// <inheritdoc/>
    public long ReadFreeBytes()
    {
        return NativeReadFreeBytes(_drive);
    }

    /// <inheritdoc/>
    public long ReadCapacityBytes()
    {
        return new DriveInfo(_drive).TotalSize;
    }

    /// <summary>Closes the open file.</summary>
    public void Dispose()
    {
        Close();
    }

    private FileStream OpenForWrite(string name)
    {
        if (_open != null && _openName == name)
        {
            return _open;
        }

        string path = PathOf(name);
        if (!File.Exists(path))
        {
            throw new StorageException(StorageError.NotFound, "No such file: " + name);
        }

        Close();
        try
        {
            _open = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
            _openName = name;
            return _open;
        }
        catch (IOException e)
        {
            throw new StorageException(StorageError.IoError, "Cannot open " + name + ": " + e.Message);
        }
    }

    private void Close()
    {
        if (_open != null)
        {
            _open.Dispose();
            _open = null;
            _openName = string.Empty;
        }
    }

    private string PathOf(string name)
    {
        if (name == null || name.Length == 0 || name.IndexOf('\\') >= 0 || name.IndexOf('/') >= 0)
        {
            throw new ArgumentException("A file name is one path segment.", nameof(name));
        }

        return _root + name;
    }

    [MethodImpl(MethodImplOptions.InternalCall)]
    private static extern long NativeReadFreeBytes(string drive);
}
