namespace Bodycam.Firmware.Button;

/// <summary>Receives a recognised gesture.</summary>
/// <param name="gesture">The gesture.</param>
/// <param name="timestampMilliseconds">
/// When it happened: the start of the press for a single press, the start of the second press for a double press,
/// the moment the limit was reached for a hold or stuck button, the release for a stuck release.
/// </param>
public delegate void ButtonGestureEventHandler(ButtonGesture gesture, long timestampMilliseconds);
