using System.Collections.Generic;
using Bodycam.Firmware.Hal;

namespace Bodycam.Emulator.Scenarios;

/// <summary>
/// What a scenario drives: an emulated device seen from outside (its button, supply, dock, storage and battery) and
/// what can be observed of it (state, LEDs, cues, recordings). The emulated device is the real one.
/// </summary>
public interface IScenarioTarget
{
    /// <summary>The simulated time in milliseconds.</summary>
    long Now { get; }

    /// <summary>The device's state in the language's names (booting, standby, recording, finalizing, docked, fault, off).</summary>
    string State { get; }

    /// <summary>The device's fault in the language's names (none, storage-full, ...).</summary>
    string Fault { get; }

    /// <summary>Runs the simulation for <paramref name="milliseconds"/>.</summary>
    /// <param name="milliseconds">Simulated time to pass.</param>
    void Advance(long milliseconds);

    /// <summary>Drives the record button pin (an edge when the level changes).</summary>
    /// <param name="pressed">Whether the button is down.</param>
    void SetButton(bool pressed);

    /// <summary>The current pattern of an LED.</summary>
    /// <param name="led">The LED.</param>
    /// <returns>Its pattern.</returns>
    LedPattern ReadLed(Led led);

    /// <summary>Cues played at or after a time.</summary>
    /// <param name="sinceMilliseconds">The start of the window.</param>
    /// <returns>The cues, oldest first.</returns>
    IReadOnlyList<Cue> CuesSince(long sinceMilliseconds);

    /// <summary>Cuts the supply: the core stops, unflushed storage writes are lost.</summary>
    void PowerCut();

    /// <summary>Restores the supply: the device boots (recovery runs).</summary>
    void PowerOn();

    /// <summary>Places the device in the dock (the dock-detect line goes active).</summary>
    void Dock();

    /// <summary>Takes the device out of the dock.</summary>
    void Undock();

    /// <summary>Sets the battery level.</summary>
    /// <param name="percent">0..100.</param>
    void SetBattery(double percent);

    /// <summary>Occupies storage: the free space shrinks by <paramref name="bytes"/>.</summary>
    /// <param name="bytes">Bytes to occupy.</param>
    void FillStorage(long bytes);

    /// <summary>Occupies storage until <paramref name="percent"/> of the capacity is used.</summary>
    /// <param name="percent">0..100.</param>
    void FillStoragePercent(double percent);

    /// <summary>Injects a storage fault: write-error, full or torn-write.</summary>
    /// <param name="kind">The fault's name.</param>
    void InjectStorageFault(string kind);

    /// <summary>Sets the RTC, or forgets it (null).</summary>
    /// <param name="unixMilliseconds">The wall time, or null.</param>
    void SetClock(long? unixMilliseconds);

    /// <summary>Lists, verifies and decrypts the recordings on storage.</summary>
    /// <returns>The count and the last recording's facts.</returns>
    RecordingsReport ReadRecordings();

    /// <summary>
    /// Offloads every closed recording with the SDK's offloader, authenticated with the municipality's authority key:
    /// copies, verifies with the reader, then confirms so the device deletes. Fails (the step's message) when the
    /// device is not in the dock, since the link then carries nothing.
    /// </summary>
    /// <param name="link">"in-process" (straight into the device's dock link) or "tcp" (its TCP endpoint).</param>
    /// <returns>What was offloaded.</returns>
    OffloadReport Offload(string link);

    /// <summary>Reads the audit trail from storage and verifies it with the device's public key.</summary>
    /// <returns>Its events and whether it verifies.</returns>
    AuditReport ReadAudit();
}
