namespace Bodycam.Emulator.Commands;

/// <summary>What a shift benchmark measured.</summary>
/// <param name="SimulatedMilliseconds">Simulated time run.</param>
/// <param name="WallMilliseconds">Wall time taken.</param>
/// <param name="Recordings">Recordings made.</param>
/// <param name="RecordedBytes">Bytes the recordings took on storage.</param>
/// <param name="Frames">Video frames the camera produced.</param>
public sealed record ShiftFigures(long SimulatedMilliseconds, double WallMilliseconds, int Recordings, long RecordedBytes, long Frames)
{
    /// <summary>Simulated time over wall time.</summary>
    public double Ratio => WallMilliseconds <= 0 ? 0 : SimulatedMilliseconds / WallMilliseconds;
}
