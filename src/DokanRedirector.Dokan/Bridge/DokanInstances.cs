using System.Collections.Concurrent;
using DokanRedirector.Dokan.FileSystem;
using DokanRedirector.Dokan.Native;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Dokan.Bridge;

/// <summary>
/// Mount id → file system. DOKAN_OPTIONS.GlobalContext holds the id, not a GCHandle: nothing native points at
/// a managed object, so a volume that ends abruptly leaves nothing to free but its table entry.
/// </summary>
internal static unsafe class DokanInstances
{
    private static readonly ConcurrentDictionary<ulong, Entry> Mounts = new();
    private static long _lastId;

    public static ulong Add(IDokanOperations operations, ILogger log)
    {
        var id = (ulong)Interlocked.Increment(ref _lastId);
        Mounts[id] = new Entry(operations, log);
        return id;
    }

    public static void Remove(ulong id) => Mounts.TryRemove(id, out _);

    /// <summary>The file system a callback is for. Throws (and the bridge answers an NTSTATUS) for an unknown mount.</summary>
    public static IDokanOperations Of(DokanFileInfo* info) => Mounts[info->DokanOptions->GlobalContext].Operations;

    /// <summary>Where the firewall logs; null when even the mount is unknown.</summary>
    public static ILogger? LogOf(DokanFileInfo* info) =>
        info is not null && info->DokanOptions is not null && Mounts.TryGetValue(info->DokanOptions->GlobalContext, out var entry)
            ? entry.Log
            : null;

    private sealed record Entry(IDokanOperations Operations, ILogger Log);
}
