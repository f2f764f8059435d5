using System;
using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Bodycam.Emulator.Dock;
using Bodycam.Emulator.Scenarios;

namespace Bodycam.Emulator.Device;

/// <summary>
/// An emulated device's dock endpoints (TCP on the loopback interface, a pseudo-terminal) and the scenario steps'
/// offload through the SDK, all on the device's <see cref="DockLink"/>.
/// </summary>
internal sealed class EmulatedDockPorts : IDisposable
{
    private readonly EmulatedDevice _device;
    private DockTcpEndpoint? _tcpEndpoint;
    private DockPtyEndpoint? _ptyEndpoint;
    private string? _offloadDirectory;

    /// <summary>Creates the ports of one device.</summary>
    /// <param name="device">The device.</param>
    public EmulatedDockPorts(EmulatedDevice device)
    {
        _device = device;
    }

    private DockLink DockLink => _device.DockLink;

    private EmulatedDeviceOptions Options => _device.Options;

    /// <summary>The TCP port of the dock endpoint, or 0 when none was started.</summary>
    public int DockTcpPort => _tcpEndpoint?.Port ?? 0;

    /// <summary>The pseudo-terminal path of the dock endpoint, or null when none was started.</summary>
    public string? DockPtyPath => _ptyEndpoint?.SlavePath;

    /// <summary>Serves the dock protocol on TCP, on the loopback interface only (the device answers while docked).</summary>
    /// <param name="port">The port; 0 picks a free one (see <see cref="DockTcpPort"/>).</param>
    /// <returns>The port listened on.</returns>
    public int StartDockTcp(int port)
    {
        if (_tcpEndpoint != null)
        {
            throw new InvalidOperationException("The TCP dock endpoint is already running.");
        }

        var endpoint = new DockTcpEndpoint(DockLink, port);
        endpoint.Start();
        _tcpEndpoint = endpoint;
        return endpoint.Port;
    }

    /// <summary>Serves the dock protocol on a new pseudo-terminal (POSIX only), as a camera's USB serial port.</summary>
    /// <returns>The path a host opens (/dev/pts/N).</returns>
    public string StartDockPty()
    {
        if (_ptyEndpoint != null)
        {
            throw new InvalidOperationException("The pseudo-terminal dock endpoint is already running.");
        }

        var endpoint = new DockPtyEndpoint(DockLink);
        endpoint.Start();
        _ptyEndpoint = endpoint;
        return endpoint.SlavePath;
    }

    /// <inheritdoc />
    public OffloadReport Offload(string link)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!_device.IsDocked || _device.Core == null)
        {
            return new OffloadReport(0, 0, Array.Empty<string>(), _device.Core == null ? "the device has no power" : "the device is not in the dock, so its port carries nothing");
        }

        if (link == "tcp" && _tcpEndpoint == null)
        {
            return new OffloadReport(0, 0, Array.Empty<string>(), "no TCP dock endpoint (run with --dock-port)");
        }

        string destination = OffloadDirectory();
        byte[] authorityKey = Options.Keys.AuthorityPrivateKey(Options.Municipality);
        using var authority = new Bodycam.Sdk.Dock.Ed25519DockSigner(authorityKey);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(authorityKey);
        var offloader = new Bodycam.Sdk.Offload.Offloader(
            async token =>
            {
                Bodycam.Sdk.Dock.IDockTransport transport = link == "tcp"
                    ? await Bodycam.Sdk.Dock.TcpDockTransport.ConnectAsync("127.0.0.1", _tcpEndpoint!.Port, token).ConfigureAwait(false)
                    : new InProcessDockTransport(DockLink);
                var client = new Bodycam.Sdk.Dock.DockClient(transport, new Bodycam.Sdk.Dock.DockClientOptions
                {
                    RequestTimeout = TimeSpan.FromSeconds(10),

                    // The emulator enrolled this device, so it pins the key as a registry would.
                    ExpectedDeviceKey = _device.SecureElement.DevicePublicKey,
                });
                try
                {
                    await client.ConnectAsync(token).ConfigureAwait(false);
                    await client.AuthenticateAsync(new Bodycam.Sdk.Dock.AuthorityAuthenticator(authority), token).ConfigureAwait(false);
                }
                catch
                {
                    client.Dispose();
                    throw;
                }

                return client;
            },
            new Bodycam.Sdk.Offload.ReaderRecordingVerifier(),
            new Bodycam.Sdk.Offload.OffloadOptions { Destination = destination });
        IReadOnlyList<Bodycam.Sdk.Offload.OffloadedRecording> results;
        try
        {
            // The scenario runs on one thread; the offload's own tasks do not need it.
            results = Task.Run(() => offloader.RunAsync()).GetAwaiter().GetResult();
        }
        catch (Bodycam.Sdk.Dock.DockErrorException e)
        {
            return new OffloadReport(0, 0, Array.Empty<string>(), "the device refused: " + e.Code);
        }
        catch (Bodycam.Sdk.Dock.DockConnectionException e)
        {
            return new OffloadReport(0, 0, Array.Empty<string>(), "link failed: " + e.Message);
        }

        int confirmed = 0;
        int failed = 0;
        var lines = new List<string>();
        foreach (Bodycam.Sdk.Offload.OffloadedRecording r in results)
        {
            bool good = r.Status == Bodycam.Sdk.Offload.OffloadStatus.Confirmed;
            confirmed += good ? 1 : 0;
            failed += good || r.Status == Bodycam.Sdk.Offload.OffloadStatus.SkippedOpen ? 0 : 1;
            lines.Add(r.RecordingId + " " + Names.Kebab(r.Status.ToString()) + (string.IsNullOrEmpty(r.Detail) ? string.Empty : " (" + r.Detail + ")"));
            _device.Log("offload", r.RecordingId + " " + Names.Kebab(r.Status.ToString()) + ", " + r.Bytes + " bytes to " + Path.Combine(destination, Options.DeviceId));
        }

        return new OffloadReport(confirmed, failed, lines);
    }

    /// <summary>Stops the endpoints and removes a temporary offload folder.</summary>
    public void Dispose()
    {
        _tcpEndpoint?.Dispose();
        _ptyEndpoint?.Dispose();
        if (_offloadDirectory != null && Options.OffloadDirectory == null && Directory.Exists(_offloadDirectory))
        {
            Directory.Delete(_offloadDirectory, true);
        }
    }

    private string OffloadDirectory()
    {
        // Offloaded copies go where the options say, else to a temporary folder removed with the device.
        _offloadDirectory ??= Options.OffloadDirectory ?? Path.Combine(Path.GetTempPath(), "bodycam-emu-offload-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_offloadDirectory);
        return _offloadDirectory;
    }
}
