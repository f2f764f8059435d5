namespace Bodycam.Firmware.StateMachine;

/// <summary>The kind of an input queued from a board callback.</summary>
public enum InputEventKind
{
    /// <summary>A raw edge of the record button.</summary>
    ButtonEdge = 1,

    /// <summary>The dock-detect line changed.</summary>
    DockDetect = 2,
}
