namespace Bodycam.Evidence;

/// <summary>Who asks for footage; the written names are in <see cref="VaultTerms"/>.</summary>
public enum RequesterRole
{
    /// <summary>A person who was filmed: <c>filmed-person</c>.</summary>
    FilmedPerson = 1,

    /// <summary>A bystander: <c>bystander</c>.</summary>
    Bystander = 2,

    /// <summary>The officer who wore the camera: <c>officer</c>.</summary>
    Officer = 3,

    /// <summary>The public prosecutor: <c>prosecutor</c>.</summary>
    Prosecutor = 4,
}
