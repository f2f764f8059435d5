using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Emulator.Commands;
using Bodycam.Sdk.Dock;
using Xunit;

namespace Bodycam.Emulator.Tests.Wiring;

public sealed class DockServingTests
{
    private const string DockScenario = "version: 1\nname: docked\nsteps:\n  - advance: 2s\n  - dock\n";

    [Fact]
    public async Task Run_WithDockPort_ServesHelloToADockClientUntilStopped()
    {
        string scenario = Write(DockScenario);
        var output = new SignallingWriter("serving the dock endpoints");
        using var stop = new CancellationTokenSource();

        Task<int> run = Task.Run(() => EmulatorCommandLine.Run(["run", scenario, "--dock-port", "0"], output, new StringWriter(), stop.Token));
        Assert.True(output.Signalled.Wait(TimeSpan.FromSeconds(60)), output.ToString());
        int port = int.Parse(Regex.Match(output.ToString(), @"dock HEE-01 tcp 127\.0\.0\.1:(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        DockHello hello;
        using (DockClient client = new(await TcpDockTransport.ConnectAsync("127.0.0.1", port, CancellationToken.None)))
        {
            hello = await client.ConnectAsync();
        }

        stop.Cancel();
        int exit = await run;

        Assert.Equal("HEE-01", hello.DeviceId);
        Assert.Equal(0, exit);
        Assert.Contains("HEE-01 is in the dock and answers", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_FleetWithDockPort_GivesEachDeviceItsOwnEndpoint()
    {
        string scenario = Write(DockScenario);
        var output = new SignallingWriter("serving the dock endpoints");
        using var stop = new CancellationTokenSource();

        Task<int> run = Task.Run(() => EmulatorCommandLine.Run(["run", scenario, "--devices", "3", "--dock-port", "0"], output, new StringWriter(), stop.Token));
        Assert.True(output.Signalled.Wait(TimeSpan.FromSeconds(60)), output.ToString());
        MatchCollection endpoints = Regex.Matches(output.ToString(), @"dock (\S+) tcp 127\.0\.0\.1:(\d+)");
        string[] ids = new string[endpoints.Count];
        for (int i = 0; i < endpoints.Count; i++)
        {
            using DockClient client = new(await TcpDockTransport.ConnectAsync("127.0.0.1", int.Parse(endpoints[i].Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), CancellationToken.None));
            ids[i] = (await client.ConnectAsync()).DeviceId;
        }

        stop.Cancel();
        await run;

        Assert.Equal(["HEE-01", "OLD-01", "HAT-01"], ids);
    }

    [Theory]
    [InlineData("--dock-port", "70000")]
    [InlineData("--dock-port", "x")]
    public void ParseRun_BadDockPort_IsAUsageError(string option, string value)
    {
        var error = new StringWriter();

        RunOptions? options = EmulatorCommandLine.ParseRun(["run", "a.yaml", option, value], error);

        Assert.Null(options);
        Assert.Contains("--dock-port", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ParseRun_DockWithTwoScenarios_IsAUsageError()
    {
        var error = new StringWriter();

        RunOptions? options = EmulatorCommandLine.ParseRun(["run", "a.yaml", "b.yaml", "--dock-pty"], error);

        Assert.Null(options);
    }

    private static string Write(string yaml)
    {
        string path = RepositoryPaths.TempFile("dock.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    // Collects output from the command's thread and signals when a line containing a marker was written.
    private sealed class SignallingWriter(string marker) : TextWriter
    {
        private readonly StringBuilder _text = new();

        public ManualResetEventSlim Signalled { get; } = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
                if (value == '\n' && _text.ToString().Contains(marker, StringComparison.Ordinal))
                {
                    Signalled.Set();
                }
            }
        }

        public override string ToString()
        {
            lock (_text)
            {
                return _text.ToString();
            }
        }
    }
}
