using Bodycam.Firmware.Hal;

namespace Bodycam.Firmware.Tests.StateMachine;

public sealed record SinkFrame(FrameKind Kind, bool KeyFrame, long Timestamp, byte[] Data);
