using System;
using System.Collections.Generic;
using Bodycam.Emulator.Board;
using Bodycam.Firmware.Audit;
using Bodycam.Firmware.Configuration;
using Bodycam.Firmware.Dock;
using Bodycam.Firmware.Hal;
using Bodycam.Firmware.Provisioning;
using Bodycam.Firmware.Storage;
using Bodycam.Sdk.Dock;

namespace Bodycam.Fuzz;

/// <summary>
/// A provisioned camera's dock side on the emulator's simulated parts (memory storage with one recording file),
/// with a host that can open an authority session, so inputs reach the privileged request parsers.
/// </summary>
internal sealed class FuzzDockDevice
{
    private static readonly byte[] s_authorityKey = new byte[32];
    private readonly Channel _channel = new();
    private readonly Ed25519DockSigner _authority = new(s_authorityKey);
    private ushort _nextId;

    public FuzzDockDevice()
    {
        var random = new SimulatedRandom(1);
        var crypto = new SimulatedCryptoEngine();
        var secureElement = SimulatedSecureElement.Create(random);
        var storage = new SimulatedStorage(16L * 1024 * 1024, Clock, 1);
        var rtc = new SimulatedRealTimeClock(Clock);
        var provisioning = new ProvisioningStore(storage, crypto, secureElement);
        provisioning.Load();
        provisioning.Provision("heerde", _authority.PublicKey.ToArray(), new[] { new byte[32] });
        var audit = new AuditTrail(storage, crypto, secureElement, "audit.log");
        audit.Open();
        storage.WriteAllBytes("00112233445566778899aabbccddeeff-000.bcr", new byte[3000]);
        var store = new RecordingStore(storage, crypto, secureElement, 0);
        Service = new DockService(
            new DockServiceParts
            {
                Channel = _channel,
                Clock = Clock,
                RealTimeClock = rtc,
                Random = random,
                Crypto = crypto,
                SecureElement = secureElement,
                Battery = new SimulatedBattery(Clock),
                Storage = storage,
                Provisioning = provisioning,
                Audit = audit,
                AuditReader = audit,
                Recordings = new RecordingStoreDockRecordings(store),
                Status = new Status(),
                Configuration = new ConfigurationSink(),
            },
            new DockServiceOptions());
    }

    public VirtualClock Clock { get; } = new();

    public DockService Service { get; }

    /// <summary>Hello, then a challenge answered with the authority key.</summary>
    public void OpenSession()
    {
        Send(DockCommandCode.Hello, [2, 2]);
        byte[] begin = Send(DockCommandCode.AuthBegin, []);
        byte[] message = DockMessages.Auth(begin.AsSpan(0, 32), "bc-fuzz", "heerde", 600000, 2, 1);
        Send(DockCommandCode.AuthProve, [1, .. _authority.Sign(message), .. new byte[32]]);
    }

    /// <summary>A configuration document signed by the authority, as a host would push it.</summary>
    public void PushConfiguration(long sequence, byte[] document)
    {
        int length = Math.Min(document.Length, 4000);
        byte[] doc = document.AsSpan(0, length).ToArray();
        byte[] signature = _authority.Sign(DockMessages.Configuration("heerde", sequence, doc));
        Send(DockCommandCode.PushConfiguration, [.. BitConverter.GetBytes(sequence), .. BitConverter.GetBytes((ushort)length), .. doc, .. signature]);
    }

    private byte[] Send(DockCommandCode type, byte[] payload)
    {
        byte[] frame = DockFraming.Encode((byte)type, ++_nextId, payload);
        Service.Receive(frame, 0, frame.Length);
        byte[] answer = _channel.Take();
        return answer.Length >= DockFraming.HeaderSize ? answer.AsSpan(DockFraming.HeaderSize, Math.Max(0, answer.Length - DockFraming.HeaderSize - DockFraming.TrailerSize)).ToArray() : [];
    }

    private sealed class Channel : IByteChannel
    {
        private readonly List<byte> _sent = new();

        public void Write(byte[] buffer, int offset, int count) => _sent.AddRange(buffer.AsSpan(offset, count).ToArray());

        public byte[] Take()
        {
            byte[] all = _sent.ToArray();
            _sent.Clear();
            return all;
        }
    }

    private sealed class Status : IDockDeviceStatus
    {
        public string DeviceId => "bc-fuzz";

        public string FirmwareVersion => "0.1.0";

        public int StateCode => 1;

        public string StateName => "docked";
    }

    private sealed class ConfigurationSink : IDockConfigurationSink
    {
        public long AppliedSequence { get; private set; }

        public bool TryApply(long sequence, byte[] document, int offset, int count)
        {
            AppliedSequence = sequence;
            return true;
        }

        public long ReadStored(byte[] destination, int offset, int capacity, out int length)
        {
            length = 0;
            return 0;
        }
    }
}
