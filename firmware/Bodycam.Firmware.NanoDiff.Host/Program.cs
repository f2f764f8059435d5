using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Bodycam.Sdk.Keys;
using Org.BouncyCastle.Math.EC.Rfc8032;

namespace Bodycam.Firmware.NanoDiff.Host;

/// <summary>
/// <c>nanodiff-host NANO-DUMP [--keep DIR]</c>: runs the comparison scenarios on net10.0 with the emulator's parts,
/// compares them with the nanoCLR run's dump, prints what it compared and the first divergence, and ends with
/// "N passed, N failed" (a scenario passes when its trace and every file are identical). Exit 0 when all match, 1 on a
/// divergence, 2 on usage.
/// </summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">The nano dump file, and optionally --keep DIR.</param>
    /// <returns>The exit code.</returns>
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length != 1 && !(args.Length == 3 && args[1] == "--keep"))
        {
            Console.Error.WriteLine("usage: nanodiff-host NANO-DUMP [--keep DIR]");
            return 2;
        }

        List<ScenarioDump> nano = DumpReader.Parse(File.ReadAllText(args[0]), "nanoCLR");
        List<ScenarioDump> net = DumpReader.Parse(RunOnNet(), "net10.0");
        string? keep = args.Length == 3 ? args[2] : null;

        int passed = 0;
        int failed = 0;
        int files = 0;
        long bytes = 0;
        foreach (ScenarioDump reference in net)
        {
            ScenarioDump? other = nano.FirstOrDefault(s => s.Name == reference.Name);
            string? divergence = other is null || !other.Complete
                ? "the nanoCLR run did not finish this scenario"
                : Compare(reference, other, ref files, ref bytes);
            if (divergence is null)
            {
                passed++;
                Console.WriteLine("nano-diff: " + reference.Name + ": identical (" + reference.Trace.Count + " trace lines, "
                    + reference.Files.Count + " files, " + reference.Files.Values.Sum(f => (long)f.Length) + " bytes)");
            }
            else
            {
                failed++;
                Console.WriteLine("nano-diff: " + reference.Name + ": DIFFERS: " + divergence);
            }

            if (keep is not null && other is not null)
            {
                Keep(Path.Combine(keep, reference.Name), other);
            }
        }

        Console.WriteLine("nano-diff: " + net.Count + " scenarios, " + files + " files, " + bytes + " bytes compared");
        Console.WriteLine(passed + " passed, " + failed + " failed");
        return failed == 0 && passed > 0 ? 0 : 1;
    }

    private static string RunOnNet()
    {
        TextWriter original = Console.Out;
        using var writer = new StringWriter();
        Console.SetOut(writer);
        try
        {
            DiffScenarios.RunAll(new EmulatorDiffBoard());
        }
        finally
        {
            Console.SetOut(original);
        }

        return writer.ToString();
    }

    // The first difference of a scenario, or null: trace lines first, then the file list, then each file's bytes.
    private static string? Compare(ScenarioDump net, ScenarioDump nano, ref int files, ref long bytes)
    {
        for (int i = 0; i < Math.Max(net.Trace.Count, nano.Trace.Count); i++)
        {
            string a = i < net.Trace.Count ? net.Trace[i] : "(none)";
            string b = i < nano.Trace.Count ? nano.Trace[i] : "(none)";
            if (a != b)
            {
                return "trace line " + (i + 1) + ": net10.0 \"" + a + "\", nanoCLR \"" + b + "\"";
            }
        }

        string netFiles = string.Join(", ", net.Files.Keys);
        string nanoFiles = string.Join(", ", nano.Files.Keys);
        if (netFiles != nanoFiles)
        {
            return "files: net10.0 [" + netFiles + "], nanoCLR [" + nanoFiles + "]";
        }

        foreach ((string name, byte[] a) in net.Files)
        {
            byte[] b = nano.Files[name];
            files++;
            bytes += a.Length;
            int length = Math.Min(a.Length, b.Length);
            for (int i = 0; i < length; i++)
            {
                if (a[i] != b[i])
                {
                    return name + ": first differing byte at offset " + i + " (net10.0 0x" + a[i].ToString("x2") + ", nanoCLR 0x"
                        + b[i].ToString("x2") + "), in " + RecordLocator.Describe(name, a, i);
                }
            }

            if (a.Length != b.Length)
            {
                return name + ": lengths differ (net10.0 " + a.Length + ", nanoCLR " + b.Length + " bytes)";
            }
        }

        return null;
    }

    // One folder per scenario: the nano-written storage, key files that decrypt it and the device's public key.
    private static void Keep(string folder, ScenarioDump nano)
    {
        string storage = Path.Combine(folder, "storage");
        Directory.CreateDirectory(storage);
        foreach ((string name, byte[] content) in nano.Files)
        {
            File.WriteAllBytes(Path.Combine(storage, name), content);
        }

        string passphrase = Environment.GetEnvironmentVariable("BODYCAM_PASSPHRASE")
            ?? throw new InvalidOperationException("--keep writes passphrase-protected key files: set BODYCAM_PASSPHRASE.");
        using (KeyPair recipient = KeyPair.FromPrivateKey(KeyType.Recipient, Convert.FromHexString(DiffScenarios.RecipientPrivateKeyHex)))
        {
            PrivateKeyFile.Save(Path.Combine(folder, "heerde.recipient.key"), recipient, passphrase);
        }

        using (KeyPair authority = KeyPair.FromPrivateKey(KeyType.Authority, Convert.FromHexString(DiffScenarios.AuthorityPrivateKeyHex)))
        {
            PrivateKeyFile.Save(Path.Combine(folder, "heerde.authority.key"), authority, passphrase);
        }

        byte[] devicePublic = new byte[Ed25519.PublicKeySize];
        Ed25519.GeneratePublicKey(Convert.FromHexString(DiffScenarios.IdentitySeedHex), 0, devicePublic, 0);
        File.WriteAllText(Path.Combine(folder, "device-key.txt"), Convert.ToHexStringLower(devicePublic) + "\n");
    }
}
