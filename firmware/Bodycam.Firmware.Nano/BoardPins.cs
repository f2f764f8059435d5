namespace Bodycam.Firmware.Nano;

/// <summary>
/// GPIO assignment of the reference board (hardware-notes.md, "Pin map"). The camera's MIPI-CSI lanes, the USB 2.0
/// high-speed PHY and the SDMMC slot use dedicated pins and need no number here except where the managed side touches
/// them. Change this file together with the table in hardware-notes.md.
/// </summary>
public static class BoardPins
{
    /// <summary>Record button to ground, internal pull-up, low while pressed; an LP GPIO so it can wake the chip.</summary>
    public const int RecordButton = 4;

    /// <summary>Dock detect: high while the dock's 5 V is present (through a divider); an LP GPIO so docking wakes the chip.</summary>
    public const int DockDetect = 5;

    /// <summary>Power-fail comparator output: low when the battery rail sags and the supercap takes over.</summary>
    public const int PowerFail = 6;

    /// <summary>I2C bus 1 data (secure element, fuel gauge, real-time clock).</summary>
    public const int I2cData = 7;

    /// <summary>I2C bus 1 clock.</summary>
    public const int I2cClock = 8;

    /// <summary>Red recording LED, front-facing, active high through a transistor.</summary>
    public const int RecordingLed = 20;

    /// <summary>Status LED, green die, active high.</summary>
    public const int StatusLedGreen = 22;

    /// <summary>Status LED, red die (green and red together show amber), active high.</summary>
    public const int StatusLedRed = 23;

    /// <summary>Piezo buzzer, driven by PWM at its resonant frequency through a driver transistor.</summary>
    public const int Buzzer = 24;

    /// <summary>Vibration motor, active high through a MOSFET with a flyback diode.</summary>
    public const int VibrationMotor = 25;

    /// <summary>Secure element enable (SE050 ENA), active high.</summary>
    public const int SecureElementEnable = 26;

    /// <summary>SD card detect switch, low while a card is inserted.</summary>
    public const int CardDetect = 45;

    /// <summary>The I2C bus number of <see cref="I2cData"/> and <see cref="I2cClock"/>.</summary>
    public const int I2cBus = 1;

    /// <summary>Resonant frequency of the piezo buzzer in hertz (its datasheet's rated frequency).</summary>
    public const int BuzzerFrequencyHertz = 2700;
}
