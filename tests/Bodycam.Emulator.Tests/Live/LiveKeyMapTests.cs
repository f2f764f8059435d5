using Bodycam.Emulator.Device;
using Bodycam.Emulator.Live;
using Xunit;

namespace Bodycam.Emulator.Tests.Live;

public class LiveKeyMapTests
{
    [Theory]
    [InlineData('s', LiveAction.SinglePress)]
    [InlineData('D', LiveAction.DoublePress)]
    [InlineData('h', LiveAction.HoldPress)]
    [InlineData('k', LiveAction.ToggleDock)]
    [InlineData('p', LiveAction.TogglePower)]
    [InlineData('q', LiveAction.Quit)]
    [InlineData('x', LiveAction.None)]
    public void Map_Key_GivesAction(char key, LiveAction expected)
    {
        Assert.Equal(expected, LiveKeyMap.Map(key));
    }

    [Fact]
    public void Apply_DoublePress_StartsARecording()
    {
        using var device = new EmulatedDevice(new EmulatedDeviceOptions { Keys = KeyRing.FromSeed(1), Camera = new Bodycam.Emulator.Board.CameraSettings(BitsPerSecond: 200_000) });
        device.Advance(5_000);

        LiveSession.Apply(device, LiveAction.DoublePress);
        device.Advance(1_000);

        Assert.Equal("recording", device.State);
        LiveViewModel model = LiveViewModel.From(device, 5);
        Assert.Equal("recording", model.State);
        Assert.Equal("blink-slow", model.RecordingLed);
        Assert.Single(model.Recordings);
        Assert.Equal(5, model.Events.Count);
    }

    [Fact]
    public void Apply_PowerToggle_CutsAndRestores()
    {
        using var device = new EmulatedDevice(new EmulatedDeviceOptions { Keys = KeyRing.FromSeed(1) });

        LiveSession.Apply(device, LiveAction.TogglePower);
        Assert.Equal("off", LiveViewModel.From(device, 1).State);
        LiveSession.Apply(device, LiveAction.TogglePower);
        Assert.Equal("standby", device.State);
    }

    [Fact]
    public void Bar_Percent_IsTwentyCells()
    {
        Assert.Equal("[##########..........]  50%", LiveRenderer.Bar(50));
    }
}
