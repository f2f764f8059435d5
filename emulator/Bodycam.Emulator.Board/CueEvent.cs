using Bodycam.Firmware.Hal;

namespace Bodycam.Emulator.Board;

/// <summary>One output the device gave the wearer: an LED change or a tone/haptic cue, at a simulated time.</summary>
/// <param name="AtMilliseconds">When it happened (monotonic simulated milliseconds).</param>
/// <param name="Led">The LED that changed, or null for a cue.</param>
/// <param name="Pattern">The LED's new pattern (for an LED change).</param>
/// <param name="Cue">The cue played, or null for an LED change.</param>
public sealed record CueEvent(long AtMilliseconds, Led? Led, LedPattern Pattern, Cue? Cue);
