using System.Runtime.Versioning;
using System.Security.Principal;

namespace DokanRedirector.Cli.Control;

/// <summary>
/// The Windows control pipe's name and security, as pure functions of SIDs (System.Security.Principal throws on
/// Linux, so the tests check these strings rather than the objects built from them).
/// </summary>
internal static class ControlPipe
{
    /// <summary><c>dokanredirector-S-1-5-21-…</c>: one pipe a user, found without any per-user configuration.</summary>
    public static string Name(string userSid) => "dokanredirector-" + userSid;

    /// <summary>
    /// The pipe's security descriptor in SDDL: owned by <paramref name="ownerSid"/> (the token's default owner, which
    /// a client's <c>PipeOptions.CurrentUserOnly</c> compares against), and a protected DACL with one entry, full
    /// access for <paramref name="userSid"/>. Neither LocalSystem nor Administrators is granted: the service hands
    /// out drive mappings made with this user's passwords, and nobody else has a reason to ask it for one; an
    /// administrator who must act on it can already end the process (or read its memory) without the pipe.
    /// </summary>
    public static string Sddl(string userSid, string ownerSid) => $"O:{ownerSid}D:P(A;;FA;;;{userSid})";

    [SupportedOSPlatform("windows")]
    public static string DefaultName()
    {
        using var identity = WindowsIdentity.GetCurrent();
        return Name(identity.User!.Value);
    }
}
