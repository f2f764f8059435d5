using System;
using Bodycam.Emulator.Board;
using Bodycam.Emulator.Dock;
using Bodycam.Firmware.Dock;
using CsCheck;
using Xunit;

namespace Bodycam.Emulator.Tests.Dock;

public class SimulatedCrcUnitTests
{
    [Fact]
    public void Update_RandomData_EqualsFirmwareTableCrc()
    {
        SimulatedCrcUnit unit = new();
        Gen.Byte.Array[0, 2000].Sample(
            data => Assert.Equal(Crc32.Compute(data, 0, data.Length), unit.Update(0, data, 0, data.Length)),
            seed: "0000000000000",
            threads: 1,
            iter: 200);
    }

    [Fact]
    public void Update_FromNonZero_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedCrcUnit().Update(1, [1], 0, 1));
    }
}
