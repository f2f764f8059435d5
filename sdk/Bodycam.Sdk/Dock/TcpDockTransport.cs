using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Bodycam.Sdk.Dock;

/// <summary>A TCP link to a device (the emulator's dock endpoint, or a dock that bridges USB to the network).</summary>
public sealed class TcpDockTransport : IDockTransport
{
    private readonly TcpClient _client;

    private TcpDockTransport(TcpClient client, string description)
    {
        _client = client;
        Stream = client.GetStream();
        Description = description;
    }

    /// <inheritdoc/>
    public Stream Stream { get; }

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>Connects.</summary>
    /// <param name="host">Host name or address.</param>
    /// <param name="port">TCP port.</param>
    /// <param name="cancellationToken">Cancels the connect.</param>
    /// <returns>The transport.</returns>
    public static async Task<TcpDockTransport> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        TcpClient client = new() { NoDelay = true, ReceiveBufferSize = 1 << 20, SendBufferSize = 1 << 16 };
        try
        {
            await client.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            client.Dispose();
            throw;
        }

        return new TcpDockTransport(client, $"tcp {host}:{port}");
    }

    /// <inheritdoc/>
    public void Dispose() => _client.Dispose();
}
