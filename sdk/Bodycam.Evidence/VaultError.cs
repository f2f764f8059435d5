namespace Bodycam.Evidence;

/// <summary>Why the vault refused or failed (docs/evidence-vault.md, "Errors").</summary>
public enum VaultError
{
    /// <summary>The actor is not in the roles file.</summary>
    UnknownActor = 1,

    /// <summary>The actor lacks the role the action needs.</summary>
    RoleMissing = 2,

    /// <summary>No such recording, hold or request in the actor's municipality (another municipality's look the same).</summary>
    NotFound = 3,

    /// <summary>Decrypting, exporting or viewing without an approved request for that recording.</summary>
    NoApprovedRequest = 4,

    /// <summary>The requester tried to decide their own request (four eyes).</summary>
    FourEyes = 5,

    /// <summary>The request was already decided.</summary>
    RequestNotPending = 6,

    /// <summary>The purpose is not allowed for the requester's role.</summary>
    PurposeNotAllowed = 7,

    /// <summary>Training use needs anonymisation, which the vault cannot do yet.</summary>
    TrainingNeedsAnonymisation = 8,

    /// <summary>The roles file is not valid.</summary>
    BadRolesFile = 9,

    /// <summary>The database has a newer schema than this vault knows.</summary>
    SchemaTooNew = 10,

    /// <summary>A stored original does not match its metadata (hash or length).</summary>
    ObjectDamaged = 11,

    /// <summary>The recipient key has no stanza in the recording.</summary>
    WrongKey = 12,

    /// <summary>An argument is not valid (empty reference, bad id, missing folder).</summary>
    InvalidArgument = 13,

    /// <summary>The hold was already released.</summary>
    HoldReleased = 14,

    /// <summary>The recording's device is not in the device registry.</summary>
    UnknownDevice = 15,

    /// <summary>The actor could not prove who they are: no key registered for them, or the key given is not theirs.</summary>
    NotAuthenticated = 16,
}
