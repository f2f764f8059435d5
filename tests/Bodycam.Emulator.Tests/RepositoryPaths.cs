using System;
using System.IO;

namespace Bodycam.Emulator.Tests;

internal static class RepositoryPaths
{
    public static string Scenarios()
    {
        string? dir = AppContext.BaseDirectory;
        while (dir != null)
        {
            string candidate = Path.Combine(dir, "scenarios");
            if (File.Exists(Path.Combine(candidate, "escalation.yaml")))
            {
                return candidate;
            }

            dir = Path.GetDirectoryName(dir);
        }

        throw new DirectoryNotFoundException("The repository's scenarios folder was not found above " + AppContext.BaseDirectory);
    }

    public static string TempFile(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "bodycam-emu-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }
}
