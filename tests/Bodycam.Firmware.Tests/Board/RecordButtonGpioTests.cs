using System.Device.Gpio;
using Bodycam.Emulator.Hardware;
using Bodycam.Firmware.Board;
using Bodycam.Firmware.StateMachine;
using Bodycam.Firmware.Tests.StateMachine;
using Xunit;

namespace Bodycam.Firmware.Tests.Board;

public class RecordButtonGpioTests
{
    private const int ButtonPin = 4;

    private readonly VirtualGpioDriver _driver = new VirtualGpioDriver();
    private readonly DeviceHarness _h = new DeviceHarness();

    [Fact]
    public void Constructor_OpensPinAsPullUpInput()
    {
        using var controller = new GpioController(_driver);
        _h.Boot();

        using var button = new RecordButtonGpio(controller, ButtonPin, _h.Device, _h.Clock);

        Assert.True(_driver.IsOpen(ButtonPin));
        Assert.Equal(PinMode.InputPullUp, controller.GetPinMode(ButtonPin));
        Assert.False(button.ReadPressed());
    }

    [Fact]
    public void ReadPressed_PinDrivenLow_IsPressed()
    {
        using var controller = new GpioController(_driver);
        _h.Boot();
        using var button = new RecordButtonGpio(controller, ButtonPin, _h.Device, _h.Clock);

        _driver.SetInputValue(ButtonPin, PinValue.Low);

        Assert.True(button.ReadPressed());
    }

    [Fact]
    public void DoublePressOnThePin_StartsRecording()
    {
        using var controller = new GpioController(_driver);
        _h.Boot();
        using var button = new RecordButtonGpio(controller, ButtonPin, _h.Device, _h.Clock);

        for (int press = 0; press < 2; press++)
        {
            _driver.SetInputValue(ButtonPin, PinValue.Low);
            _h.Advance(80);
            _driver.SetInputValue(ButtonPin, PinValue.High);
            _h.Advance(120);
        }

        _h.Advance(1000);

        Assert.Equal(DeviceState.Recording, _h.Device.State);
        Assert.Equal(4, _driver.CallbacksRaised);
    }

    [Fact]
    public void HoldOnThePin_StopsRecordingAtThreeSeconds()
    {
        using var controller = new GpioController(_driver);
        _h.Boot();
        using var button = new RecordButtonGpio(controller, ButtonPin, _h.Device, _h.Clock);
        _h.DoublePress();
        long pressAt = _h.Clock.Now;

        _driver.SetInputValue(ButtonPin, PinValue.Low);
        _h.Advance(3000);

        Assert.Equal(DeviceState.Standby, _h.Device.State);
        Assert.Equal(pressAt + 3000, Assert.Single(_h.Sink.Ends));
    }

    [Fact]
    public void HeldAtBoot_ReadBeforeBoot_IsIgnoredUntilReleased()
    {
        using var controller = new GpioController(_driver);
        _driver.SetInputValue(ButtonPin, PinValue.Low);
        var core = new DeviceCore(_h.Configuration, _h.Hardware);
        using var button = new RecordButtonGpio(controller, ButtonPin, core, _h.Clock);

        core.Boot(button.ReadPressed());
        for (int i = 0; i < 400; i++)
        {
            _h.Clock.Now += 10;
            core.Poll();
        }

        _driver.SetInputValue(ButtonPin, PinValue.High);
        for (int i = 0; i < 200; i++)
        {
            _h.Clock.Now += 10;
            core.Poll();
        }

        Assert.Equal(DeviceState.Standby, core.State);
        Assert.Empty(_h.Sink.Begins);
    }

    [Fact]
    public void Dispose_UnregistersAndClosesThePin()
    {
        using var controller = new GpioController(_driver);
        _h.Boot();
        var button = new RecordButtonGpio(controller, ButtonPin, _h.Device, _h.Clock);

        button.Dispose();
        _driver.SetInputValue(ButtonPin, PinValue.Low);

        Assert.False(_driver.IsOpen(ButtonPin));
        Assert.Equal(0, _driver.CallbacksRaised);
    }
}
