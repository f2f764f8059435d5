using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Bodycam.Emulator.Commands;
using Bodycam.Emulator.Device;
using Bodycam.Emulator.Dock;
using Bodycam.Emulator.Scenarios;
using Bodycam.Sdk.Dock;
using Xunit;

namespace Bodycam.Emulator.Tests.Dock;

/// <summary>
/// An emulated device serving the dock (<c>run --dock-port</c> after its scenario) lives on moving
/// time. Each test drives <see cref="DockServingClock"/>, the clock <see cref="DockServing.Serve"/> ticks, with a fake
/// host clock, and checks one symptom of a clock that stood still.
/// </summary>
public sealed class ServedDockTimeTests : IDisposable
{
    private readonly EmulatedDevice _device;
    private readonly Ed25519DockSigner _authority;
    private readonly FakeHostTime _time = new();
    private readonly DockServingClock _clock;

    public ServedDockTimeTests()
    {
        KeyRing keys = KeyRing.FromSeed(7);
        _device = new EmulatedDevice(new EmulatedDeviceOptions
        {
            Seed = 7,
            Keys = keys,
            Camera = new Bodycam.Emulator.Board.CameraSettings(Bodycam.Emulator.Board.CameraMode.Jpeg, 160, 120, 10),
        });
        byte[] authority = keys.AuthorityPrivateKey("heerde");
        _authority = new Ed25519DockSigner(authority);
        Array.Clear(authority);
        ScenarioResult result = new ScenarioRunner(null).Run(ScenarioParser.Parse("version: 1\nname: dock\nsteps:\n  - dock\n", "dock.yaml"), _device);
        Assert.True(result.Outcome == ScenarioOutcome.Passed, result.Message);
        _clock = new DockServingClock([_device], _time);
    }

    [Fact]
    public async Task RateLimit_AfterThreeRefusals_EndsOnceTheBackOffHasPassed()
    {
        using DockClient client = await Connect();
        for (int i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<DockErrorException>(() => client.ListRecordingsAsync());
        }

        DockErrorException limited = await Assert.ThrowsAsync<DockErrorException>(() => client.AuthenticateAsync(new AuthorityAuthenticator(_authority)));
        Pass(1500);

        TimeSpan session = await client.AuthenticateAsync(new AuthorityAuthenticator(_authority));

        Assert.Equal(DockErrorCode.RateLimited, limited.Code);
        Assert.Equal(TimeSpan.FromMinutes(10), session);
    }

    [Fact]
    public void Challenge_AnsweredAfterThirtyOneSeconds_IsRefusedAsExpired()
    {
        using RawHost host = new(_device.DockLink);
        host.Request(DockCommandCode.Hello, [2, 2]);
        byte[] challenge = host.Request(DockCommandCode.AuthBegin, []).Payload.Span[..32].ToArray();
        Pass(31_000);
        byte[] signature = _authority.Sign(DockMessages.Auth(challenge, "HEE-01", "heerde", 600000, 2, 1));

        DockFrame answer = host.Request(DockCommandCode.AuthProve, [1, .. signature, .. new byte[32]]);

        Assert.Equal((byte)DockCommandCode.Error, answer.Type);
        Assert.Equal((ushort)DockErrorCode.AuthenticationFailed, BitConverter.ToUInt16(answer.Payload.Span));
        Assert.Equal(1u, BitConverter.ToUInt32(answer.Payload.Span[3..]));
    }

    [Fact]
    public void FrameTimeout_PartialFrameOlderThanTwoSeconds_IsDroppedAndTheNextFrameAnswered()
    {
        using RawHost host = new(_device.DockLink);
        byte[] partial = DockFraming.Encode((byte)DockCommandCode.Info, 1, new byte[8000]).AsSpan(0, 40).ToArray();
        host.Send(partial);
        Pass(2500);

        DockFrame answer = host.Request(DockCommandCode.Hello, [2, 2]);

        Assert.Equal((byte)DockCommandCode.Hello | DockFraming.ResponseFlag, answer.Type);
        Assert.Equal(1, _device.DockService!.Parser.TimeoutCount);
    }

    [Fact]
    public async Task AuthFailures_SecondsApart_AreEachAudited()
    {
        using DockClient client = await Connect();
        await Assert.ThrowsAsync<DockErrorException>(() => client.ListRecordingsAsync());
        Pass(1500);
        await Assert.ThrowsAsync<DockErrorException>(() => client.ListRecordingsAsync());

        AuditReport audit = _device.ReadAudit();

        Assert.True(audit.Valid, audit.Detail);
        Assert.Equal(2, audit.Events.Count(e => e == "authentication-failed"));
    }

    [Fact]
    public void Tick_AdvancesTheDeviceByTheHostTimeElapsed()
    {
        long before = _device.Now;
        _time.Advance(TimeSpan.FromMilliseconds(1234.6));

        long advanced = _clock.Tick();
        _time.Advance(TimeSpan.FromMilliseconds(0.5));
        long more = _clock.Tick();

        Assert.Equal(1234, advanced);
        Assert.Equal(1, more);
        Assert.Equal(before + 1235, _device.Now);
    }

    public void Dispose()
    {
        _authority.Dispose();
        _device.Dispose();
    }

    private void Pass(int milliseconds)
    {
        _time.Advance(TimeSpan.FromMilliseconds(milliseconds));
        _clock.Tick();
    }

    private async Task<DockClient> Connect()
    {
        DockClient client = new(new InProcessDockTransport(_device.DockLink), new DockClientOptions { RequestTimeout = TimeSpan.FromSeconds(10) });
        await client.ConnectAsync();
        return client;
    }

    private sealed class FakeHostTime : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan span) => _ticks += span.Ticks;
    }

    private sealed class RawHost(DockLink link) : IDisposable
    {
        private readonly InProcessDockTransport _transport = new(link);
        private ushort _id = 100;

        public void Send(byte[] bytes)
        {
            _transport.Stream.Write(bytes);
            _transport.Stream.Flush();
        }

        public DockFrame Request(DockCommandCode type, byte[] payload)
        {
            ushort id = ++_id;
            Send(DockFraming.Encode((byte)type, id, payload));
            DockFrame frame = new DockFrameReader(_transport.Stream).Read();
            Assert.Equal(id, frame.RequestId);
            return frame;
        }

        public void Dispose() => _transport.Dispose();
    }
}
