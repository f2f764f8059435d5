using Bodycam.Firmware.Hal;
using Xunit;

namespace Bodycam.Firmware.Tests.Hal;

public class StorageExceptionTests
{
    [Fact]
    public void Constructor_ErrorAndMessage_AreKept()
    {
        var ex = new StorageException(StorageError.Full, "no room for segment 12");

        Assert.Equal(StorageError.Full, ex.Error);
        Assert.Equal("no room for segment 12", ex.Message);
    }
}
