namespace Bodycam.Firmware.StateMachine;

/// <summary>Handles a state change of the <see cref="DeviceCore"/> (a named delegate: nanoFramework has no generics).</summary>
/// <param name="sender">The device core.</param>
/// <param name="e">The change.</param>
public delegate void DeviceStateChangedEventHandler(object sender, DeviceStateChangedEventArgs e);
