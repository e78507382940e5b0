using DokanRedirector.Rdbss.Structures;

namespace DokanRedirector.Rdbss;

/// <summary>One row of <c>use</c>: local name, remote name, condition and open handles.</summary>
public sealed record ConnectionInfo(
    string LocalName, string RemoteName, Condition Condition, string? UserName, int OpenHandles);

/// <summary>An open handle that keeps a normal disconnect from going through.</summary>
public sealed record OpenFileInfo(long Handle, string Name, int ProcessId);

/// <summary>What a successful create returns to a front end.</summary>
public readonly record struct OpenedFile(long Handle, NtCreateAction Action, Mrx.FileInformation Information);
