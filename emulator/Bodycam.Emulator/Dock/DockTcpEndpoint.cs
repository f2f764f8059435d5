using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Bodycam.Emulator.Dock;

/// <summary>
/// Serves the dock protocol on TCP, loopback only unless an address is given: one host at a time, as one dock holds
/// one camera; a second connection waits in the backlog until the first closes.
/// </summary>
public sealed class DockTcpEndpoint : IDisposable
{
    private readonly DockLink _link;
    private readonly TcpListener _listener;
    private Thread? _thread;
    private Socket? _client;
    private volatile bool _stopping;

    /// <summary>Initializes a new instance of the <see cref="DockTcpEndpoint"/> class.</summary>
    /// <param name="link">The camera's dock link.</param>
    /// <param name="port">TCP port (0 picks a free one).</param>
    /// <param name="address">Address to listen on; loopback when null.</param>
    public DockTcpEndpoint(DockLink link, int port, IPAddress? address = null)
    {
        _link = link;
        _listener = new TcpListener(address ?? IPAddress.Loopback, port);
    }

    /// <summary>Gets the port listened on (after <see cref="Start"/>).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Starts listening and serving on a background thread.</summary>
    public void Start()
    {
        _listener.Start(4);
        _thread = new Thread(Serve) { IsBackground = true, Name = "dock-tcp" };
        _thread.Start();
    }

    /// <summary>Stops serving and closes any connection.</summary>
    public void Dispose()
    {
        _stopping = true;
        _listener.Stop();
        _client?.Dispose();
        _thread?.Join();
    }

    private void Serve()
    {
        byte[] buffer = new byte[1 << 16];
        while (!_stopping)
        {
            Socket client;
            try
            {
                client = _listener.AcceptSocket();
            }
            catch (SocketException) when (_stopping)
            {
                return;
            }
            catch (ObjectDisposedException) when (_stopping)
            {
                return;
            }

            client.NoDelay = true;
            client.SendBufferSize = 1 << 20;
            _client = client;
            Peer peer = new(client);
            try
            {
                while (!_stopping)
                {
                    int read;
                    try
                    {
                        read = client.Receive(buffer);
                    }
                    catch (SocketException)
                    {
                        break;
                    }

                    if (read == 0)
                    {
                        break;
                    }

                    _link.Deliver(peer, buffer, 0, read);
                    if (peer.Broken)
                    {
                        break;
                    }
                }
            }
            catch (ObjectDisposedException) when (_stopping)
            {
                return;
            }
            finally
            {
                _link.Disconnect(peer);
                client.Dispose();
                _client = null;
            }
        }
    }

    private sealed class Peer : IDockPeer
    {
        private readonly Socket _socket;

        public Peer(Socket socket)
        {
            _socket = socket;
        }

        public bool Broken { get; private set; }

        public void Send(byte[] buffer, int offset, int count)
        {
            if (Broken)
            {
                return;
            }

            try
            {
                while (count > 0)
                {
                    int sent = _socket.Send(buffer, offset, count, SocketFlags.None);
                    offset += sent;
                    count -= sent;
                }
            }
            catch (SocketException)
            {
                // The host went away mid-answer: on a real link the bytes are lost the same way. The serve loop
                // sees the flag after this delivery and disconnects the peer.
                Broken = true;
            }
        }
    }
}
