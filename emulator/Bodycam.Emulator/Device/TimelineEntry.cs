namespace Bodycam.Emulator.Device;

/// <summary>One line of an emulated device's timeline.</summary>
/// <param name="AtMilliseconds">Simulated time.</param>
/// <param name="Kind">state, led, cue, audit, step, storage, power, dock.</param>
/// <param name="Text">What happened.</param>
public sealed record TimelineEntry(long AtMilliseconds, string Kind, string Text);
