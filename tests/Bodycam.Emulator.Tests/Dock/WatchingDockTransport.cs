using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Sdk.Dock;

namespace Bodycam.Emulator.Tests.Dock;

/// <summary>
/// A link that notes the type of every request the host sends and can play a device whose firmware predates some
/// requests: a frame of such a type is not passed on, and the host gets the error answer an older device gives
/// (docs/dock-protocol.md, "Robustness": unknown request type, <c>UnknownCommand</c>, detail 0).
/// </summary>
public sealed class WatchingDockTransport(IDockTransport inner, ConcurrentQueue<DockCommandCode> sent, params DockCommandCode[] unknown) : IDockTransport
{
    private readonly WatchingStream _stream = new(inner.Stream, sent, new HashSet<DockCommandCode>(unknown));

    public Stream Stream => _stream;

    public string Description => "watching " + inner.Description;

    public void Dispose() => inner.Dispose();

    private sealed class WatchingStream(Stream inner, ConcurrentQueue<DockCommandCode> sent, HashSet<DockCommandCode> unknown) : Stream
    {
        private readonly List<byte> _outgoing = [];
        private readonly object _lock = new();
        private byte[] _answers = [];
        private int _answered;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int ReadTimeout
        {
            get => inner.ReadTimeout;
            set => inner.ReadTimeout = value;
        }

        public override bool CanTimeout => inner.CanTimeout;

        public override int Read(byte[] buffer, int offset, int count) => TakeAnswer(buffer.AsSpan(offset, count)) is int n and > 0 ? n : inner.Read(buffer, offset, count);

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            int n = TakeAnswer(buffer.Span);
            return n > 0 ? n : await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(Filter(buffer.AsSpan(offset, count)));

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            await inner.WriteAsync(Filter(buffer.Span), cancellationToken).ConfigureAwait(false);

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int TakeAnswer(Span<byte> destination)
        {
            lock (_lock)
            {
                int n = Math.Min(destination.Length, _answers.Length - _answered);
                _answers.AsSpan(_answered, n).CopyTo(destination);
                _answered += n;
                return n;
            }
        }

        // Passes on whole frames (header, payload, CRC) except those of an unknown type, which are answered here.
        private byte[] Filter(ReadOnlySpan<byte> bytes)
        {
            _outgoing.AddRange(bytes.ToArray());
            List<byte> pass = [];
            while (_outgoing.Count >= DockFraming.HeaderSize)
            {
                int payload = _outgoing[8] | (_outgoing[9] << 8) | (_outgoing[10] << 16) | (_outgoing[11] << 24);
                int length = DockFraming.FrameLength(payload);
                if (_outgoing.Count < length)
                {
                    break;
                }

                var type = (DockCommandCode)_outgoing[5];
                ushort requestId = (ushort)(_outgoing[6] | (_outgoing[7] << 8));
                sent.Enqueue(type);
                if (unknown.Contains(type))
                {
                    byte[] error = [(byte)DockErrorCode.UnknownCommand, 0, (byte)type, 0, 0, 0, 0];
                    lock (_lock)
                    {
                        _answers = [.. _answers.AsSpan(_answered), .. DockFraming.Encode(0x7F, requestId, error)];
                        _answered = 0;
                    }
                }
                else
                {
                    pass.AddRange(_outgoing.GetRange(0, length));
                }

                _outgoing.RemoveRange(0, length);
            }

            return [.. pass];
        }
    }
}
