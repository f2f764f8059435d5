using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Dock;

namespace Bodycam.Emulator.Dock;

/// <summary>
/// An SDK transport straight into an emulated camera's <see cref="DockLink"/>, with no socket or terminal between:
/// what the host writes is delivered to the firmware's dock service at once (under the board lock), and its answers
/// queue up for the host to read. For scenario steps and tests; behaves as a connected cable.
/// </summary>
public sealed class InProcessDockTransport : IDockTransport, IDockPeer
{
    private readonly DockLink _link;
    private readonly LinkStream _stream;
    private readonly object _gate = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private byte[] _pending = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _closed;

    /// <summary>Initializes a new instance of the <see cref="InProcessDockTransport"/> class.</summary>
    /// <param name="link">The camera's dock link.</param>
    public InProcessDockTransport(DockLink link)
    {
        _link = link ?? throw new ArgumentNullException(nameof(link));
        _stream = new LinkStream(this);
    }

    /// <inheritdoc/>
    public Stream Stream => _stream;

    /// <inheritdoc/>
    public string Description => "in-process dock link";

    /// <inheritdoc/>
    public void Send(byte[] buffer, int offset, int count)
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            if (_end + count > _pending.Length)
            {
                int used = _end - _start;
                byte[] target = used + count > _pending.Length ? new byte[Math.Max(_pending.Length * 2, used + count)] : _pending;
                Array.Copy(_pending, _start, target, 0, used);
                _pending = target;
                _start = 0;
                _end = used;
            }

            Array.Copy(buffer, offset, _pending, _end, count);
            _end += count;
        }

        _arrived.Release();
    }

    /// <summary>Ends the session on the device (as unplugging the cable would) and closes the stream.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            _closed = true;
        }

        _link.Disconnect(this);
        _arrived.Release();
    }

    private async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        while (true)
        {
            lock (_gate)
            {
                if (_end > _start)
                {
                    int n = Math.Min(buffer.Length, _end - _start);
                    _pending.AsMemory(_start, n).CopyTo(buffer);
                    _start += n;
                    if (_start == _end)
                    {
                        _start = 0;
                        _end = 0;
                    }

                    return n;
                }

                if (_closed)
                {
                    return 0;
                }
            }

            await _arrived.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void Write(byte[] buffer, int offset, int count)
    {
        if (_closed)
        {
            throw new ObjectDisposedException(nameof(InProcessDockTransport));
        }

        _link.Deliver(this, buffer, offset, count);
    }

    private sealed class LinkStream : Stream
    {
        private readonly InProcessDockTransport _owner;

        public LinkStream(InProcessDockTransport owner)
        {
            _owner = owner;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public override int Read(byte[] buffer, int offset, int count) => _owner.ReadAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => _owner.ReadAsync(buffer, cancellationToken);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => _owner.ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => _owner.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            byte[] copy = buffer.ToArray();
            _owner.Write(copy, 0, copy.Length);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            _owner.Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _owner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
