using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Bodycam.Emulator.Commands;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Scenarios;
using Xunit;

namespace Bodycam.Emulator.Tests.Commands;

/// <summary>
/// Every bad input of docs/reliability.md's "Bad input: bodycam-emu" list: one line naming the file, folder, port or
/// field, the documented exit code, and never a stack trace ("   at " frames).
/// </summary>
public sealed class EmulatorBadInputTests : IDisposable
{
    private const string Short = "version: 1\nname: short\nsteps:\n  - advance: 1s\n  - press: double\n  - advance: 2s\n  - press: hold 3s\n  - expect-recordings: { count: 1 }\n";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "bodycam-emu-bad-" + Guid.NewGuid().ToString("N"));
    private string _lastOut = string.Empty;
    private string _lastErr = string.Empty;

    public EmulatorBadInputTests()
    {
        Directory.CreateDirectory(_folder);
    }

    [Fact]
    public void Run_MissingScenarioFile_IsInvalidNamingIt()
    {
        string missing = Path.Combine(_folder, "missing.yaml");
        Expect(EmulatorExitCodes.Usage, missing + ":0:0: no such file", "run", missing);
    }

    [Fact]
    public void Run_FolderWithoutScenarios_IsInvalidInsteadOfPassingOnNothing()
    {
        string empty = Path.Combine(_folder, "empty");
        Directory.CreateDirectory(empty);
        Expect(EmulatorExitCodes.Usage, "is a folder without *.yaml scenario files", "run", empty);
    }

    [Fact]
    public void Sweep_FolderWithoutScenarios_IsInvalidInsteadOfSweepingNothing()
    {
        string empty = Path.Combine(_folder, "empty");
        Directory.CreateDirectory(empty);
        Expect(EmulatorExitCodes.Usage, "is a folder without *.yaml scenario files", "sweep", empty);
    }

    [Fact]
    public void Run_JUnitInAMissingFolder_IsRefusedBeforeRunning()
    {
        string report = Path.Combine(_folder, "no-such-folder", "report.xml");
        Expect(EmulatorExitCodes.Usage, "the folder " + Path.GetDirectoryName(report) + " does not exist", "run", Write(Short), "--junit", report);
        Assert.DoesNotContain("passed", _lastOut, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_JUnitIsAFolder_IsRefused()
    {
        Expect(EmulatorExitCodes.Usage, "--junit " + _folder + " is a folder", "run", Write(Short), "--junit", _folder);
    }

    [Fact]
    public void Run_DeeplyNestedYaml_IsInvalidNotAStackOverflow()
    {
        string deep = Write("version: 1\nname: deep\nsteps: " + new string('[', 200_000) + new string(']', 200_000) + "\n");
        Expect(EmulatorExitCodes.Usage, "nested more than " + ScenarioParser.MaxDepth + " levels deep", "run", deep);
    }

    [Fact]
    public void Run_51MBScenario_IsRefusedBeforeParsing()
    {
        string big = Path.Combine(_folder, "big.yaml");
        using (var writer = new StreamWriter(big))
        {
            writer.Write("version: 1\nname: big\nsteps:\n");
            string line = "  - advance: 1s\n";
            for (long written = 0; written < 51L * 1024 * 1024; written += line.Length)
            {
                writer.Write(line);
            }
        }

        long before = GC.GetTotalAllocatedBytes();
        Expect(EmulatorExitCodes.Usage, "a scenario is at most 1048576 bytes", "run", big);
        Assert.True(GC.GetTotalAllocatedBytes() - before < 16L * 1024 * 1024, "the refusal read the whole file");
    }

    [Fact]
    public void Parse_TextOverTheCap_IsTooLarge()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioParser.Parse(new string(' ', ScenarioParser.MaxBytes + 1), "big.yaml"));
        Assert.Equal(ScenarioErrorKind.TooLarge, e.Kind);
    }

    [Fact]
    public void Run_DeviceIdWithAPath_IsInvalidAndWritesNothingOutsideStorage()
    {
        string storage = Path.Combine(_folder, "a", "b", "storage");
        string scenario = Write("version: 1\nname: escape\ndevice:\n  id: ../../x\nsteps:\n  - advance: 1s\n");

        Expect(EmulatorExitCodes.Usage, "id names the device's storage folder", "run", scenario, "--storage", storage);
        Assert.False(Directory.Exists(Path.Combine(_folder, "a", "x")));
        Assert.False(Directory.Exists(storage));
    }

    [Theory]
    [InlineData("../x")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("")]
    public void StorageFolder_IdOutsideTheCharacterSet_IsRefused(string id)
    {
        Assert.Throws<StorageFolderException>(() => ScenarioSession.StorageFolder(_folder, id));
    }

    [Fact]
    public void Run_SameStorageTwice_RefusesTheSecondRunAndLeavesTheFirstUntouched()
    {
        string storage = Path.Combine(_folder, "storage");
        string scenario = Write(Short);
        Assert.Equal(0, EmulatorCommandLine.Run(["run", scenario, "--storage", storage], new StringWriter(), new StringWriter()));
        string[] before = Snapshot(storage);

        Expect(EmulatorExitCodes.Usage, Path.Combine(storage, "HEE-01") + " already holds a device's storage", "run", scenario, "--storage", storage);

        Assert.Equal(before, Snapshot(storage));
    }

    [Fact]
    public void Run_TwoScenariosOnOneStorage_GivesEachItsOwnFolder()
    {
        string storage = Path.Combine(_folder, "storage");
        string first = Path.Combine(_folder, "first.yaml");
        string second = Path.Combine(_folder, "second.yaml");
        File.WriteAllText(first, Short);
        File.WriteAllText(second, Short);

        Assert.Equal(0, EmulatorCommandLine.Run(["run", first, second, "--storage", storage], new StringWriter(), new StringWriter()));

        Assert.Single(Directory.GetFiles(Path.Combine(storage, "first", "HEE-01"), "*.bcr"));
        Assert.Single(Directory.GetFiles(Path.Combine(storage, "second", "HEE-01"), "*.bcr"));
    }

    [Fact]
    public void Run_StorageIsAFile_IsAUsageError()
    {
        string file = Write(Short);
        Expect(EmulatorExitCodes.Usage, "--storage " + file + " is a file", "run", file, "--storage", file);
    }

    [Fact]
    public void Run_KeysIsAFile_IsAFileError()
    {
        string file = Write(Short);
        Expect(EmulatorExitCodes.FileError, "file error", "run", file, "--keys", file);
    }

    [Fact]
    public void Run_KeysWithAnAuthorityKeyAsTheRecipientKey_IsAKeyFileError()
    {
        string keys = Path.Combine(_folder, "keys");
        Directory.CreateDirectory(keys);
        using (var authority = Bodycam.Sdk.Keys.KeyPair.Generate(Bodycam.Sdk.Keys.KeyType.Authority))
        {
            Bodycam.Sdk.Keys.PrivateKeyFile.Save(Path.Combine(keys, "heerde.recipient.key"), authority, KeyRing.DefaultPassphrase, new Bodycam.Sdk.Keys.ScryptParameters(10, 8, 1));
        }

        Expect(EmulatorExitCodes.KeyError, "key file error (WrongKeyType)", "run", Write(Short), "--keys", keys);
    }

    [Fact]
    public void Frame_InAMissingFolder_IsAUsageErrorNamingThePath()
    {
        string target = Path.Combine(_folder, "no-such-folder", "frame.jpg");
        Expect(EmulatorExitCodes.Usage, "no such file or folder: ", "frame", target);
        Assert.Contains(target, _lastErr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DockPortInUse_ExitsEndpointFailedNamingThePort()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        int port = ((IPEndPoint)taken.LocalEndpoint).Port;

        Expect(EmulatorExitCodes.EndpointFailed, "--dock-port: 127.0.0.1:" + port + " for HEE-01 is in use", "run", Write(Short), "--dock-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0s")]
    public void Run_TimeoutNotPositive_IsAUsageError(string timeout)
    {
        Expect(EmulatorExitCodes.Usage, "--timeout is a duration", "run", Write(Short), "--timeout", timeout);
    }

    [Fact]
    public void Run_StopAlreadyRequested_StopsBeforeTheFirstStepWithExit130()
    {
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        var output = new StringWriter();
        var error = new StringWriter();

        int exit = EmulatorCommandLine.Run(["run", Write(Short), "--junit", Path.Combine(_folder, "report.xml")], output, error, stop.Token);

        Assert.Equal(EmulatorExitCodes.Interrupted, exit);
        Assert.Contains("interrupted (Ctrl+C)", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("passed", output.ToString(), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(_folder, "report.xml")));
    }

    [Fact]
    public void Runner_StopDuringARun_StopsBeforeTheNextStep()
    {
        using var stop = new CancellationTokenSource();
        Scenario scenario = ScenarioParser.Parse("version: 1\nname: stop\nsteps:\n  - advance: 1s\n  - advance: 1s\n  - advance: 1s\n", "stop.yaml");
        using var device = new EmulatedDevice(new EmulatedDeviceOptions { Seed = 1, Keys = KeyRing.FromSeed(1) });
        long start = device.Now;
        var runner = new ScenarioRunner(null, stop.Token);
        int steps = 0;
        runner.StepStarting += (_, _) =>
        {
            if (++steps == 2)
            {
                stop.Cancel();
            }
        };

        Assert.Throws<OperationCanceledException>(() => runner.Run(scenario, device));
        Assert.Equal(2, steps);
        Assert.Equal(2_000, device.Now - start);
    }

    [Fact]
    public void Interrupt_FirstPressInRun_StopsAndSaysPressAgain_SecondForces()
    {
        using var stop = new CancellationTokenSource();
        var error = new StringWriter();
        var handler = new InterruptHandler(stop, EmulatorCommandLine.StopsOnFirstInterrupt(["run", "x.yaml"]), error);

        Assert.True(handler.OnInterrupt());
        Assert.True(stop.IsCancellationRequested);
        Assert.Contains("press Ctrl+C again to force", error.ToString(), StringComparison.Ordinal);
        Assert.False(handler.OnInterrupt());
    }

    [Fact]
    public void Interrupt_CommandThatDoesNotWatch_EndsAtTheFirstPress()
    {
        using var stop = new CancellationTokenSource();
        var handler = new InterruptHandler(stop, EmulatorCommandLine.StopsOnFirstInterrupt(["sweep"]), new StringWriter());

        Assert.False(handler.OnInterrupt());
        Assert.True(EmulatorCommandLine.StopsOnFirstInterrupt([]));
        Assert.True(EmulatorCommandLine.StopsOnFirstInterrupt(["live"]));
    }

    public void Dispose()
    {
        Directory.Delete(_folder, true);
    }

    private static string[] Snapshot(string folder)
    {
        return Directory.GetFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => f + " " + new FileInfo(f).Length + " " + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToArray();
    }

    private void Expect(int code, string message, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exit = EmulatorCommandLine.Run(args, output, error);
        _lastOut = output.ToString();
        _lastErr = error.ToString();
        Assert.True(code == exit, "exit " + exit + ", expected " + code + ": " + _lastErr);
        Assert.Contains(message, _lastErr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", _lastErr + _lastOut, StringComparison.Ordinal);
    }

    private string Write(string yaml)
    {
        string file = Path.Combine(_folder, "scenario-" + Guid.NewGuid().ToString("N")[..8] + ".yaml");
        File.WriteAllText(file, yaml);
        return file;
    }
}
