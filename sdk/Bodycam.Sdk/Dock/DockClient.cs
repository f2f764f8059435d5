using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;

namespace Bodycam.Sdk.Dock;

/// <summary>
/// The host side of the dock protocol (docs/dock-protocol.md) over any <see cref="IDockTransport"/>. One request at a
/// time (downloads keep several range reads in flight); answers are matched by request id, so a late answer to a
/// timed-out request is discarded. Read-only requests are retried after a timeout; requests that change the device
/// are not.
/// </summary>
public sealed class DockClient : IDisposable
{
    /// <summary>The most files one recording may span, so the most one <see cref="ConfirmRecordingAsync"/> covers.</summary>
    public const int MaxRecordingFiles = 1000;

    private readonly IDockTransport _transport;
    private readonly DockClientOptions _options;
    private readonly DockFrameReader _reader;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly byte[] _sendBuffer = new byte[DockFraming.FrameLength(65536)];
    private ushort _nextId;
    private ReadOnlyMemory<byte>? _expectedDeviceKey;

    /// <summary>Initializes a new instance of the <see cref="DockClient"/> class.</summary>
    /// <param name="transport">The link (disposed with the client).</param>
    /// <param name="options">Timeouts and retries.</param>
    public DockClient(IDockTransport transport, DockClientOptions? options = null)
    {
        _transport = transport;
        _options = options ?? new DockClientOptions();
        _reader = new DockFrameReader(transport.Stream);
        if (_options.ExpectedDeviceKey is { Length: not 32 })
        {
            throw new ArgumentException("ExpectedDeviceKey must be a 32-byte Ed25519 public key.", nameof(options));
        }

        _expectedDeviceKey = _options.ExpectedDeviceKey;
    }

    /// <summary>Gets the device's hello answer (after <see cref="ConnectAsync"/>).</summary>
    public DockHello? Hello { get; private set; }

    /// <summary>Gets a description of the link.</summary>
    public string Description => _transport.Description;

    /// <summary>Gets the buffer requests are encoded into before they are written (shared with range downloads).</summary>
    internal byte[] SendBuffer => _sendBuffer;

    /// <summary>Says hello and negotiates the protocol version.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The device's answer.</returns>
    public async Task<DockHello> ConnectAsync(CancellationToken cancellationToken = default)
    {
        byte[] payload = new PayloadWriter().Byte(DockFraming.ProtocolVersion).Byte(DockFraming.ProtocolVersion).ToArray();
        DockHello hello = await RequestAsync(DockCommandCode.Hello, payload, true, DockAnswers.ParseHello, cancellationToken).ConfigureAwait(false);
        if (hello.ProtocolVersion != DockFraming.ProtocolVersion)
        {
            throw new DockConnectionException(DockConnectionFailure.IncompatibleVersion, $"The device chose protocol version {hello.ProtocolVersion}.");
        }

        Hello = hello;
        return hello;
    }

    /// <summary>Reads the device information (no session needed).</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The information.</returns>
    public Task<DeviceInfo> GetInfoAsync(CancellationToken cancellationToken = default)
    {
        return RequestAsync(DockCommandCode.Info, [], true, DockAnswers.ParseInfo, cancellationToken);
    }

    /// <summary>Gets the device's Ed25519 public key, once the device proved in the handshake that it holds it; null before.</summary>
    public ReadOnlyMemory<byte>? DeviceKey { get; private set; }

    /// <summary>Gets a value indicating whether <see cref="DeviceKey"/> was checked against the pinned key of the options.</summary>
    public bool IsDeviceKeyPinned { get; private set; }

    /// <summary>
    /// Opens a session and authenticates the device (docs/dock-protocol.md, "Authentication"): asks for a challenge,
    /// answers it with a fresh host challenge, and checks the device's signature over the whole exchange with its
    /// device key, which must be <see cref="DockClientOptions.ExpectedDeviceKey"/> when that is set.
    /// </summary>
    /// <param name="authenticator">Signs the answer.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The session's lifetime.</returns>
    /// <exception cref="DockConnectionException">The device did not prove the expected key (<see cref="DockConnectionFailure.DeviceNotAuthentic"/>).</exception>
    public async Task<TimeSpan> AuthenticateAsync(IDockAuthenticator authenticator, CancellationToken cancellationToken = default)
    {
        DeviceKey = null;
        IsDeviceKeyPinned = false;
        DeviceInfo info = await GetInfoAsync(cancellationToken).ConfigureAwait(false);
        DockHello hello = Hello ?? throw new InvalidOperationException("Call ConnectAsync first.");
        (byte[] challenge, uint lifetime) = await RequestAsync(
            DockCommandCode.AuthBegin,
            [],
            false,
            p =>
            {
                PayloadReader r = new(p);
                byte[] c = r.Take(32).ToArray();
                uint l = r.UInt32();
                r.UInt32();
                r.End();
                return (c, l);
            },
            cancellationToken).ConfigureAwait(false);
        byte[] answer = authenticator.Answer(new DockChallenge(challenge, info.DeviceId, info.MunicipalityId, lifetime, hello.ProtocolVersion));
        if (answer.Length < 65 || (answer[0] != 1 && answer[0] != 2))
        {
            throw new InvalidOperationException("The authenticator's answer must start with the mode (1 or 2) and the 64-byte signature.");
        }

        byte[] hostChallenge = RandomNumberGenerator.GetBytes(32);
        byte[] request = new PayloadWriter().Bytes(answer).Bytes(hostChallenge).ToArray();
        (byte mode, uint granted, byte[] key, byte[] signature) = await RequestAsync(
            DockCommandCode.AuthProve,
            request,
            false,
            p =>
            {
                PayloadReader r = new(p);
                byte m = r.Byte();
                uint l = r.UInt32();
                byte[] k = r.Take(32).ToArray();
                byte[] s = r.Take(64).ToArray();
                r.End();
                return (m, l, k, s);
            },
            cancellationToken).ConfigureAwait(false);
        ReadOnlyMemory<byte>? expected = _expectedDeviceKey;
        if (expected is { } pinned && !CryptographicOperations.FixedTimeEquals(pinned.Span, key))
        {
            throw new DockConnectionException(
                DockConnectionFailure.DeviceNotAuthentic,
                $"Device {info.DeviceId} presented a device key other than the one registered for it: it is not the camera enrolled under that id.");
        }

        // The host's signature is the answer's bytes 1..64 (after the mode byte).
        byte[] proof = DockMessages.DeviceProof(challenge, hostChallenge, info.DeviceId, info.MunicipalityId, answer[0], answer.AsSpan(1, 64));
        if (mode != answer[0] || !Ed25519DockSigner.Verify(key, proof, signature))
        {
            throw new DockConnectionException(
                DockConnectionFailure.DeviceNotAuthentic,
                $"Device {info.DeviceId} did not prove possession of its device key (its signature over the handshake does not verify).");
        }

        DeviceKey = key;
        IsDeviceKeyPinned = expected is not null;
        return TimeSpan.FromMilliseconds(granted);
    }

    /// <summary>
    /// Pins the device key the next <see cref="AuthenticateAsync"/> must see proven (as
    /// <see cref="DockClientOptions.ExpectedDeviceKey"/>; for hosts that look the key up by the id hello announced).
    /// </summary>
    /// <param name="devicePublicKey">The 32-byte Ed25519 key from the device registry.</param>
    public void ExpectDeviceKey(ReadOnlyMemory<byte> devicePublicKey)
    {
        if (devicePublicKey.Length != 32)
        {
            throw new ArgumentException("An Ed25519 public key has 32 bytes.", nameof(devicePublicKey));
        }

        _expectedDeviceKey = devicePublicKey.ToArray();
    }

    /// <summary>Reads the device's storage, battery, enrolment and clock details (needs a session).</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The status.</returns>
    public Task<DeviceStatus> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        return RequestAsync(DockCommandCode.Status, [], true, DockAnswers.ParseStatus, cancellationToken);
    }

    /// <summary>Reads back the configuration document the device stores (needs a session).</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The stored document and its sequence (0 and empty for the factory defaults).</returns>
    public Task<StoredConfiguration> ReadConfigurationAsync(CancellationToken cancellationToken = default)
    {
        return RequestAsync(DockCommandCode.ReadConfiguration, [], true, DockAnswers.ParseConfiguration, cancellationToken);
    }

    /// <summary>
    /// Confirms one whole recording of up to 1000 files (docs/dock-protocol.md, "ConfirmRecording"): the device
    /// recomputes the manifest digest over its own files and deletes the recording only if it matches.
    /// </summary>
    /// <param name="recordingId">The recording id.</param>
    /// <param name="files">Every file of the recording, in the order the device lists them, with the SHA-256 of the verified copy.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The number of files deleted.</returns>
    public Task<int> ConfirmRecordingAsync(string recordingId, IReadOnlyList<OffloadConfirmation> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count < 1 || files.Count > MaxRecordingFiles)
        {
            throw new ArgumentException($"A recording has 1 to {MaxRecordingFiles} files.", nameof(files));
        }

        foreach (OffloadConfirmation file in files)
        {
            if (file.Sha256.Length != 32)
            {
                throw new ArgumentException("A SHA-256 digest has 32 bytes.", nameof(files));
            }
        }

        byte[] payload = new PayloadWriter().Ascii(recordingId).UInt16(files.Count).Bytes(DockMessages.ConfirmManifest(recordingId, files)).ToArray();
        return RequestAsync(DockCommandCode.ConfirmRecording, payload, false, p => DockAnswers.RequireDeletedCount(DockAnswers.ParseConfirmRecording(p), files.Count), cancellationToken);
    }

    /// <summary>
    /// Confirms one whole recording of up to 1000 files by each file's name, length and final chain hash
    /// (docs/dock-protocol.md, "ConfirmRecordingChain"): the device reads the close record at the end of each of its
    /// files, computes the same digest and deletes the recording only if it matches. Neither side hashes the files
    /// again. A device whose firmware does not know the request answers <see cref="DockErrorCode.UnknownCommand"/>
    /// (a <see cref="DockErrorException"/>); <see cref="ConfirmRecordingAsync"/> then does the same with file SHA-256s.
    /// </summary>
    /// <param name="recordingId">The recording id.</param>
    /// <param name="files">Every file of the recording, in the order the device lists them, with the length and final chain hash of the verified copy.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The number of files deleted.</returns>
    public Task<int> ConfirmRecordingChainAsync(string recordingId, IReadOnlyList<ChainConfirmation> files, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Count < 1 || files.Count > MaxRecordingFiles)
        {
            throw new ArgumentException($"A recording has 1 to {MaxRecordingFiles} files.", nameof(files));
        }

        foreach (ChainConfirmation file in files)
        {
            if (file.FinalChainHash.Length != 32)
            {
                throw new ArgumentException("A final chain hash has 32 bytes.", nameof(files));
            }

            if (file.Length < 0)
            {
                throw new ArgumentException("A file length is not negative.", nameof(files));
            }
        }

        byte[] payload = new PayloadWriter().Ascii(recordingId).UInt16(files.Count).Bytes(DockMessages.ConfirmChainManifest(recordingId, files)).ToArray();
        return RequestAsync(DockCommandCode.ConfirmRecordingChain, payload, false, p => DockAnswers.RequireDeletedCount(DockAnswers.ParseConfirmRecording(p), files.Count), cancellationToken);
    }

    /// <summary>Ends the session.</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    public Task EndSessionAsync(CancellationToken cancellationToken = default)
    {
        return RequestAsync(DockCommandCode.EndSession, [], true, _ => true, cancellationToken);
    }

    /// <summary>Lists every recording file (paging through the device's answers).</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The files.</returns>
    public async Task<IReadOnlyList<DeviceRecordingFile>> ListRecordingsAsync(CancellationToken cancellationToken = default)
    {
        List<DeviceRecordingFile> files = [];
        while (true)
        {
            byte[] payload = new PayloadWriter().UInt16(files.Count).ToArray();
            (int total, List<DeviceRecordingFile> page) = await RequestAsync(DockCommandCode.ListRecordings, payload, true, DockAnswers.ParseList, cancellationToken).ConfigureAwait(false);
            files.AddRange(page);
            if (files.Count >= total || page.Count == 0)
            {
                return files;
            }
        }
    }

    /// <summary>Reads one byte range of a recording file.</summary>
    /// <param name="name">The file name.</param>
    /// <param name="offset">Where to start.</param>
    /// <param name="count">How many bytes at most.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The bytes and the file's length.</returns>
    public Task<(byte[] Data, long FileLength)> ReadRecordingAsync(string name, long offset, int count, CancellationToken cancellationToken = default)
    {
        byte[] payload = new PayloadWriter().Ascii(name).Int64(offset).UInt32((uint)count).ToArray();
        return RequestAsync(
            DockCommandCode.ReadRecording,
            payload,
            true,
            p =>
            {
                PayloadReader r = new(p);
                r.Int64();
                long length = r.Int64();
                return (r.Rest().ToArray(), length);
            },
            cancellationToken);
    }

    /// <summary>
    /// Copies a recording file from <paramref name="offset"/> to its end into <paramref name="destination"/>,
    /// keeping several range reads in flight. The destination receives bytes strictly in order, so after a failure
    /// its length is where a new call resumes.
    /// </summary>
    /// <param name="name">The file name.</param>
    /// <param name="offset">Where to start (the bytes the destination already holds).</param>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="progress">Receives the count of bytes written so far in this call.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The file's length on the device.</returns>
    public async Task<long> DownloadAsync(string name, long offset, Stream destination, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        DockRangeDownload download = StartDownload(name, offset);
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            while (true)
            {
                int batch = download.NextBatch();
                if (batch > 0)
                {
                    await WriteAsync(batch, cancellationToken).ConfigureAwait(false);
                }

                if (download.IsComplete)
                {
                    return download.FileLength;
                }

                DockFrame frame = await ReceiveAsync(download.ExpectedId, DockCommandCode.ReadRecording, timeout, cancellationToken).ConfigureAwait(false);
                ReadOnlyMemory<byte> data = download.Accept(frame);
                await destination.WriteAsync(data, cancellationToken).ConfigureAwait(false);
                progress?.Report(download.Written);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Does what <see cref="DownloadAsync"/> does (same range reads in flight, same checks, same resume semantics)
    /// with blocking reads and writes on the calling thread, for callers that can spare a thread: each wait for an
    /// answer then costs one thread wake-up instead of an event-thread-to-thread-pool hand-over. Each answer must
    /// arrive within <see cref="DockClientOptions.RequestTimeout"/>, enforced with the stream's read timeout (a
    /// socket's receive timeout, a serial port's read timeout), so the transport's stream must support timeouts.
    /// It never runs beside another request on this client: it refuses to start while one is in flight, and
    /// asynchronous requests started meanwhile wait until it returns.
    /// </summary>
    /// <param name="name">The file name.</param>
    /// <param name="offset">Where to start (the bytes the destination already holds).</param>
    /// <param name="destination">Where the bytes go.</param>
    /// <param name="progress">Receives the count of bytes written so far in this call.</param>
    /// <returns>The file's length on the device.</returns>
    /// <exception cref="InvalidOperationException">Another request is in flight on this client.</exception>
    /// <exception cref="NotSupportedException">The transport's stream cannot time out a read.</exception>
    /// <exception cref="DockConnectionException">The link failed, timed out or carried a malformed answer.</exception>
    public long Download(string name, long offset, Stream destination, IProgress<long>? progress = null)
    {
        DockRangeDownload download = StartDownload(name, offset);
        Stream stream = _transport.Stream;
        if (!stream.CanTimeout)
        {
            throw new NotSupportedException("A blocking download needs a transport whose reads can time out; use DownloadAsync.");
        }

        if (!_gate.Wait(0))
        {
            throw new InvalidOperationException("A request is in flight on this client; a blocking download cannot run beside it.");
        }

        int previousTimeout = stream.ReadTimeout;
        try
        {
            stream.ReadTimeout = TimeoutMilliseconds();
            while (true)
            {
                int batch = download.NextBatch();
                if (batch > 0)
                {
                    Write(batch);
                }

                if (download.IsComplete)
                {
                    return download.FileLength;
                }

                DockFrame frame = Receive(download.ExpectedId, DockCommandCode.ReadRecording);
                ReadOnlyMemory<byte> data = download.Accept(frame);
                destination.Write(data.Span);
                progress?.Report(download.Written);
            }
        }
        finally
        {
            stream.ReadTimeout = previousTimeout;
            _gate.Release();
        }
    }

    /// <summary>Confirms an offload: the device rehashes each file and deletes them all only if every hash matches.</summary>
    /// <param name="files">Every file of each recording confirmed, with the SHA-256 of the verified copy.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The number of files deleted.</returns>
    public Task<int> ConfirmOffloadAsync(IReadOnlyList<OffloadConfirmation> files, CancellationToken cancellationToken = default)
    {
        PayloadWriter w = new PayloadWriter().Byte(files.Count);
        foreach (OffloadConfirmation file in files)
        {
            if (file.Sha256.Length != 32)
            {
                throw new ArgumentException("A SHA-256 digest has 32 bytes.", nameof(files));
            }

            w.Ascii(file.Name).Bytes(file.Sha256.Span);
        }

        return RequestAsync(
            DockCommandCode.ConfirmOffload,
            w.ToArray(),
            false,
            p => DockAnswers.RequireDeletedCount(DockAnswers.ParseConfirm(p), files.Count),
            cancellationToken);
    }

    /// <summary>Reads the whole audit trail (raw bytes; verify with Audit.AuditTrailVerifier).</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The trail's bytes.</returns>
    public async Task<byte[]> ReadAuditTrailAsync(CancellationToken cancellationToken = default)
    {
        using MemoryStream trail = new();
        long length = long.MaxValue;
        while (trail.Length < length)
        {
            byte[] payload = new PayloadWriter().Int64(trail.Length).UInt32(uint.MaxValue).ToArray();
            (long total, byte[] data) = await RequestAsync(DockCommandCode.ReadAudit, payload, true, DockAnswers.ParseAuditRange, cancellationToken).ConfigureAwait(false);
            if (total < 0 || total > _options.MaxAuditTrailBytes)
            {
                throw new DockConnectionException(
                    DockConnectionFailure.MalformedResponse,
                    "The device announced an audit trail of " + total + " bytes; the limit is " + _options.MaxAuditTrailBytes + ".");
            }

            length = total;
            if (data.Length == 0)
            {
                break;
            }

            if (trail.Length + data.Length > length)
            {
                throw new DockConnectionException(DockConnectionFailure.MalformedResponse, "The device sent more audit trail than it announced.");
            }

            trail.Write(data);
        }

        return trail.ToArray();
    }

    /// <summary>Sets the device clock.</summary>
    /// <param name="utc">The time to set.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The device's previous time, or null when its clock was not set.</returns>
    public Task<DateTimeOffset?> SetClockAsync(DateTimeOffset utc, CancellationToken cancellationToken = default)
    {
        byte[] payload = new PayloadWriter().Int64(utc.ToUnixTimeMilliseconds()).ToArray();
        return RequestAsync(DockCommandCode.SetClock, payload, false, DockAnswers.ParseClock, cancellationToken);
    }

    /// <summary>Pushes a configuration signed by the authority key.</summary>
    /// <param name="municipalityId">The device's municipality (bound into the signature).</param>
    /// <param name="sequence">A sequence number above the device's current one.</param>
    /// <param name="document">The configuration document.</param>
    /// <param name="authority">The authority key.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    public Task PushConfigurationAsync(string municipalityId, long sequence, byte[] document, IDockSigner authority, CancellationToken cancellationToken = default)
    {
        byte[] signature = authority.Sign(DockMessages.Configuration(municipalityId, sequence, document));
        byte[] payload = new PayloadWriter().Int64(sequence).UInt16(document.Length).Bytes(document).Bytes(signature).ToArray();
        return RequestAsync(DockCommandCode.PushConfiguration, payload, false, _ => true, cancellationToken);
    }

    /// <summary>Enrols an unprovisioned device in a municipality.</summary>
    /// <param name="deviceId">The device id (from hello).</param>
    /// <param name="municipalityId">The municipality (a-z, 0-9, '-').</param>
    /// <param name="authority">The authority key (its public key is installed; it signs the request).</param>
    /// <param name="recipientPublicKeys">1 to 8 X25519 recipient public keys.</param>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>The device's Ed25519 public key.</returns>
    public Task<byte[]> ProvisionAsync(string deviceId, string municipalityId, IDockSigner authority, IReadOnlyList<ReadOnlyMemory<byte>> recipientPublicKeys, CancellationToken cancellationToken = default)
    {
        PayloadWriter w = new PayloadWriter().Ascii(municipalityId).Bytes(authority.PublicKey.Span).Byte(recipientPublicKeys.Count);
        foreach (ReadOnlyMemory<byte> key in recipientPublicKeys)
        {
            if (key.Length != 32)
            {
                throw new ArgumentException("An X25519 public key has 32 bytes.", nameof(recipientPublicKeys));
            }

            w.Bytes(key.Span);
        }

        byte[] unsigned = w.ToArray();
        byte[] signature = authority.Sign(DockMessages.Provision(deviceId, unsigned));
        byte[] payload = new PayloadWriter().Bytes(unsigned).Bytes(signature).ToArray();
        return RequestAsync(DockCommandCode.Provision, payload, false, DockAnswers.ParseProvision, cancellationToken);
    }

    /// <summary>Clears the device's enrolment (authority session, no recordings left).</summary>
    /// <param name="cancellationToken">Cancels.</param>
    /// <returns>A task.</returns>
    public Task ResetProvisioningAsync(CancellationToken cancellationToken = default)
    {
        return RequestAsync(DockCommandCode.ResetProvisioning, [], false, _ => true, cancellationToken);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _transport.Dispose();
        _gate.Dispose();
    }

    private delegate T Parser<T>(ReadOnlySpan<byte> payload);

    private async Task<T> RequestAsync<T>(DockCommandCode type, byte[] payload, bool idempotent, Parser<T> parse, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            int attempts = idempotent ? 1 + Math.Max(0, _options.Retries) : 1;
            for (int attempt = 1; ; attempt++)
            {
                ushort id = NextId();
                await SendAsync(type, id, payload, cancellationToken).ConfigureAwait(false);
                try
                {
                    DockFrame frame = await ReceiveAsync(id, type, cancellationToken).ConfigureAwait(false);
                    return parse(frame.Payload.Span);
                }
                catch (DockConnectionException e) when (e.Reason == DockConnectionFailure.Timeout && attempt < attempts)
                {
                    // Sent again with a new request id; a late answer to this one is recognised and dropped.
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task SendAsync(DockCommandCode type, ushort id, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        int n = DockFraming.Encode((byte)type, id, payload.Span, _sendBuffer);
        await WriteAsync(n, cancellationToken).ConfigureAwait(false);
    }

    private async Task WriteAsync(int n, CancellationToken cancellationToken)
    {
        try
        {
            await _transport.Stream.WriteAsync(_sendBuffer.AsMemory(0, n), cancellationToken).ConfigureAwait(false);
            await _transport.Stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new DockConnectionException(DockConnectionFailure.Closed, "The link to the device failed while sending.", e);
        }
    }

    private async Task<DockFrame> ReceiveAsync(ushort id, DockCommandCode type, CancellationToken cancellationToken)
    {
        using CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        return await ReceiveAsync(id, type, timeout, cancellationToken).ConfigureAwait(false);
    }

    // The timeout source is the caller's so a download re-arms one timer per answer instead of creating a linked
    // source and a timer for each of its hundreds of frames; each answer still gets the whole request timeout.
    private async Task<DockFrame> ReceiveAsync(ushort id, DockCommandCode type, CancellationTokenSource timeout, CancellationToken cancellationToken)
    {
        timeout.CancelAfter(_options.RequestTimeout);
        while (true)
        {
            DockFrame frame;
            try
            {
                frame = await _reader.ReadAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new DockConnectionException(DockConnectionFailure.Timeout, $"No answer to {type} within {_options.RequestTimeout.TotalSeconds:0.#} s.");
            }
            catch (IOException e)
            {
                throw new DockConnectionException(DockConnectionFailure.Closed, "The link to the device failed while receiving.", e);
            }

            if (IsAnswer(frame, id, type))
            {
                return frame;
            }
        }
    }

    // The blocking twin of ReceiveAsync. The stream's read timeout bounds each read; the deadline bounds a stream of
    // frames that are not the answer (late answers to earlier requests), so each answer gets the request timeout.
    private DockFrame Receive(ushort id, DockCommandCode type)
    {
        long deadline = Environment.TickCount64 + TimeoutMilliseconds();
        while (true)
        {
            DockFrame frame;
            try
            {
                frame = _reader.Read();
            }
            catch (TimeoutException e)
            {
                throw TimedOut(type, e);
            }
            catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.TimedOut or SocketError.WouldBlock })
            {
                throw TimedOut(type, e);
            }
            catch (IOException e)
            {
                throw new DockConnectionException(DockConnectionFailure.Closed, "The link to the device failed while receiving.", e);
            }

            if (IsAnswer(frame, id, type))
            {
                return frame;
            }

            if (Environment.TickCount64 > deadline)
            {
                throw TimedOut(type, null);
            }
        }
    }

    private static bool IsAnswer(DockFrame frame, ushort id, DockCommandCode type)
    {
        if (frame.RequestId != id)
        {
            return false;
        }

        if (frame.Type == (byte)DockCommandCode.Error)
        {
            PayloadReader r = new(frame.Payload.Span);
            DockErrorCode code = (DockErrorCode)r.UInt16();
            DockCommandCode request = (DockCommandCode)r.Byte();
            uint detail = r.UInt32();
            throw new DockErrorException(code, request, detail);
        }

        if (frame.Type != ((byte)type | DockFraming.ResponseFlag))
        {
            throw new DockConnectionException(DockConnectionFailure.MalformedResponse, $"Expected an answer to {type}, got type 0x{frame.Type:X2}.");
        }

        return true;
    }

    private DockConnectionException TimedOut(DockCommandCode type, Exception? inner)
    {
        string message = $"No answer to {type} within {_options.RequestTimeout.TotalSeconds:0.#} s.";
        return inner is null
            ? new DockConnectionException(DockConnectionFailure.Timeout, message)
            : new DockConnectionException(DockConnectionFailure.Timeout, message, inner);
    }

    private int TimeoutMilliseconds() => (int)Math.Clamp(_options.RequestTimeout.TotalMilliseconds, 1, int.MaxValue);

    private void Write(int n)
    {
        try
        {
            _transport.Stream.Write(_sendBuffer, 0, n);
            _transport.Stream.Flush();
        }
        catch (IOException e)
        {
            throw new DockConnectionException(DockConnectionFailure.Closed, "The link to the device failed while sending.", e);
        }
    }

    private DockRangeDownload StartDownload(string name, long offset)
    {
        DockHello hello = Hello ?? throw new InvalidOperationException("Call ConnectAsync first.");
        int chunk = hello.MaxResponsePayload - DockAnswers.ReadResponseOverhead;
        if (_options.ReadChunkBytes > 0 && _options.ReadChunkBytes < chunk)
        {
            chunk = _options.ReadChunkBytes;
        }

        // The window counts range reads; with large answers a few in flight already keep the link busy, and more
        // would only queue megabytes in the socket buffers (DockRangeDownload.WindowBytes).
        int window = Math.Max(1, Math.Min(_options.ReadWindow, Math.Max(2, DockRangeDownload.WindowBytes / chunk)));
        return new DockRangeDownload(this, name, offset, chunk, window);
    }

    /// <summary>The next request id (never 0).</summary>
    /// <returns>The id.</returns>
    internal ushort NextId()
    {
        _nextId++;
        if (_nextId == 0)
        {
            _nextId = 1;
        }

        return _nextId;
    }

}
