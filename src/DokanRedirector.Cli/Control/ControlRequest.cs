using System.Text.Json.Serialization;
using DokanRedirector.Rdbss;

namespace DokanRedirector.Cli.Control;

/// <summary>
/// One line a command sends to the service. The "command" property tells the kind; <see cref="Version"/>
/// lets a service refuse a client of another build with a clear message instead of misreading it.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "command")]
[JsonDerivedType(typeof(ListRequest), "list")]
[JsonDerivedType(typeof(UseRequest), "use")]
[JsonDerivedType(typeof(DeleteRequest), "delete")]
[JsonDerivedType(typeof(StatusRequest), "status")]
[JsonDerivedType(typeof(StopRequest), "stop")]
internal abstract record ControlRequest
{
    public int Version { get; init; } = ControlProtocol.Version;
}

/// <summary>The <c>use</c> table.</summary>
internal sealed record ListRequest : ControlRequest;

/// <summary>Map <see cref="RemoteName"/> at the mount point <see cref="LocalName"/> (an absolute path).</summary>
/// <remarks>The password travels in <see cref="Credentials"/>, over a socket only the same user or root can
/// reach; the record's ToString shows the identity only (UserCredentials hides the password).</remarks>
internal sealed record UseRequest(string LocalName, string RemoteName, UserCredentials Credentials, int Port, bool Seal,
    bool ReadOnly) : ControlRequest;

/// <summary>Cancel the connection(s) named by mount point or by <c>\\server\share</c>.</summary>
internal sealed record DeleteRequest(string Name, bool Force) : ControlRequest;

/// <summary>The live SrvCall → NetRoot → VNetRoot → open files tree, and which service answered.</summary>
internal sealed record StatusRequest : ControlRequest;

/// <summary>Unmount everything (forced) and end the service.</summary>
internal sealed record StopRequest : ControlRequest;
