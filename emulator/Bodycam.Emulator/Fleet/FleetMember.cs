namespace Bodycam.Emulator.Fleet;

/// <summary>One device of a fleet.</summary>
/// <param name="Index">0-based position in the fleet (also mixed into the device's seed).</param>
/// <param name="DeviceId">The device id, e.g. <c>HEE-01</c>.</param>
/// <param name="Municipality">The owning municipality.</param>
public sealed record FleetMember(int Index, string DeviceId, string Municipality);
