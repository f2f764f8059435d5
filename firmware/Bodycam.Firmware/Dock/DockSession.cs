namespace Bodycam.Firmware.Dock;

/// <summary>
/// The state of one dock connection (docs/dock-protocol.md, "Version negotiation" and "Authentication"): whether
/// hello was done, the outstanding challenge, and the authenticated session with its expiry. Failed attempts and
/// their back-off are <see cref="DockAuthFailures"/>'s, because they outlive a session.
/// </summary>
internal sealed class DockSession
{
    /// <summary>Gets the challenge last issued (valid while <see cref="ChallengePending"/>).</summary>
    public byte[] Challenge { get; } = new byte[DockProtocol.ChallengeSize];

    /// <summary>Gets the public key the session was opened with (the authority key or the certified dock key).</summary>
    public byte[] Key { get; } = new byte[DockProtocol.KeySize];

    /// <summary>Gets or sets the clock change a dock-key session has made so far (absolute ms, summed).</summary>
    public long ClockNudged { get; set; }

    /// <summary>Gets or sets a value indicating whether hello was answered on this connection.</summary>
    public bool HelloDone { get; set; }

    /// <summary>Gets a value indicating whether a challenge waits for its one answer.</summary>
    public bool ChallengePending { get; private set; }

    /// <summary>Gets when the pending challenge was issued (monotonic ms).</summary>
    public long ChallengeIssuedAt { get; private set; }

    /// <summary>Gets who the session is authenticated as (<see cref="DockSessionMode.None"/>: no session).</summary>
    public DockSessionMode Mode { get; private set; }

    /// <summary>Gets when the session expires (monotonic ms).</summary>
    public long ExpiresAt { get; private set; }

    /// <summary>Gets a value indicating whether a session was opened and not ended (it may have expired).</summary>
    public bool IsOpen => Mode != DockSessionMode.None;

    /// <summary>Tells whether a session is open and not expired at <paramref name="now"/>.</summary>
    /// <param name="now">Monotonic ms.</param>
    /// <returns>True while the session may be used.</returns>
    public bool IsLive(long now)
    {
        return Mode != DockSessionMode.None && now < ExpiresAt;
    }

    /// <summary>Marks a freshly filled <see cref="Challenge"/> as outstanding.</summary>
    /// <param name="now">Monotonic ms.</param>
    public void IssueChallenge(long now)
    {
        ChallengePending = true;
        ChallengeIssuedAt = now;
    }

    /// <summary>Uses up the pending challenge: one answer per challenge, right or wrong.</summary>
    public void ConsumeChallenge()
    {
        ChallengePending = false;
    }

    /// <summary>Opens an authenticated session.</summary>
    /// <param name="mode">Who authenticated.</param>
    /// <param name="expiresAt">Monotonic ms at which it ends.</param>
    public void Open(DockSessionMode mode, long expiresAt)
    {
        Mode = mode;
        ExpiresAt = expiresAt;
        ClockNudged = 0;
    }

    /// <summary>Ends the session and forgets any pending challenge; hello stays done.</summary>
    public void End()
    {
        Mode = DockSessionMode.None;
        ExpiresAt = 0;
        ClockNudged = 0;
        for (int i = 0; i < Key.Length; i++)
        {
            Key[i] = 0;
        }

        ChallengePending = false;
    }
}
