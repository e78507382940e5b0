using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using DokanRedirector.Fuse.FileSystem;
using DokanRedirector.Fuse.Native;

namespace DokanRedirector.Fuse.Bridge;

/// <summary>
/// Mount id → front end. libfuse's userdata is the id, not a GCHandle: a native pointer to a managed
/// object would have to be freed exactly once, even when the session ends abruptly.
/// </summary>
internal static class MountRegistry
{
    private static readonly ConcurrentDictionary<nint, FuseFileSystem> Mounts = new();
    private static int _lastId;

    public static nint Add(FuseFileSystem fileSystem)
    {
        nint id = Interlocked.Increment(ref _lastId);
        Mounts[id] = fileSystem;
        return id;
    }

    public static void Remove(nint id) => Mounts.TryRemove(id, out _);

    /// <summary>The front end a request is for. Throws (and the bridge answers EIO) for an unknown mount.</summary>
    public static FuseFileSystem Of(nint request) => Mounts[LibFuse.RequestUserData(request)];

    public static bool TryGet(nint id, [NotNullWhen(true)] out FuseFileSystem? fileSystem) =>
        Mounts.TryGetValue(id, out fileSystem);
}
