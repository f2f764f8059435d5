using Bodycam.Emulator.Scenarios;

namespace Bodycam.Emulator.Tests.Sweeps;

/// <summary>A short scenario for the bounded sweeps: two recordings (a marker in the first), so a cut finds one finished.</summary>
internal static class SweepScenarios
{
    public const string TwoShortRecordingsText =
        "version: 1\n" +
        "name: two short recordings\n" +
        "seed: 21\n" +
        "device:\n" +
        "  pre-record: 3s\n" +
        "camera:\n" +
        "  bitrate: 200kbit/s\n" +
        "  fps: 10\n" +
        "steps:\n" +
        "  - advance: 4s\n" +
        "  - press: double\n" +
        "  - advance: 2s\n" +
        "  - press: single\n" +
        "  - advance: 1s\n" +
        "  - press: hold 3s\n" +
        "  - advance: 2s\n" +
        "  - press: double\n" +
        "  - advance: 3s\n" +
        "  - press: hold 3s\n" +
        "  - expect-recordings: { count: 2, status: complete }\n";

    public static Scenario TwoShortRecordings() => ScenarioParser.Parse(TwoShortRecordingsText, "two-short-recordings.yaml");
}
