using System.Collections.Concurrent;
using DokanRedirector.Dokan.Native;
using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Naming;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Dokan.FileSystem;

/// <summary>
/// The Dokan front end of one mapped drive: each Dokan callback becomes Redirector calls on the connection's
/// share. Callbacks are synchronous, so the calling dokan2.dll thread waits for the asynchronous work
/// (<see cref="RequestWait"/>); the work itself is async all the way, cancelled when the mount ends.
/// </summary>
/// <remarks>
/// Identity: DOKAN_FILE_INFO.Context is the Redirector's handle id; the handle's state lives in the core.
/// The adapter keeps only the set of handles Windows holds (<see cref="_open"/>), because Dokan never sends
/// CloseFile for handles still open when the volume goes away: <see cref="ReleaseHandlesAsync"/> closes them.
/// No lock: the handle table is concurrent and nothing else is shared.
/// </remarks>
internal sealed partial class DokanFileSystem : IDokanOperations
{
    private readonly Redirector _redirector;
    private readonly Connection _connection;
    private readonly IRequestTimeout _timeout;
    private readonly ILogger _log;
    // Cancelled when the mount is disconnected: in-flight work ends, later callbacks answer at once.
    private readonly CancellationTokenSource _lifetime = new();
    // Handle id → what the adapter knows of it; added when ZwCreateFile succeeds, removed when it is closed.
    private readonly ConcurrentDictionary<long, OpenFile> _open = new();

    public DokanFileSystem(Redirector redirector, Connection connection, IRequestTimeout timeout, ILogger log)
    {
        _redirector = redirector;
        _connection = connection;
        _timeout = timeout;
        _log = log;
        VolumeSerialNumber = SerialNumberOf(connection.RemoteName);
    }

    /// <summary>Stable for a UNC name, so Windows sees the same volume each time it is mapped.</summary>
    public uint VolumeSerialNumber { get; }

    /// <summary>Handles Windows holds on this drive.</summary>
    public int OpenHandleCount => _open.Count;

    private bool IsDisconnected => _lifetime.IsCancellationRequested;

    /// <summary>A forced unmount: what is in flight ends, and every later callback answers
    /// STATUS_CONNECTION_DISCONNECTED, as the core answers for a handle a forced disconnect orphaned.</summary>
    public void Disconnect()
    {
        if (!IsDisconnected)
        {
            _lifetime.Cancel();
            Log.Disconnected(_log, _connection.LocalName, _open.Count);
        }
    }

    /// <summary>After the volume is gone: closes every handle Windows never closed (no CloseFile will come).
    /// Returns how many there were. An orphaned handle closes as well: the core drops its tombstone.</summary>
    public async Task<int> ReleaseHandlesAsync()
    {
        Disconnect();
        var released = 0;
        foreach (var handle in _open.Keys)
        {
            if (await CloseHandleAsync(handle) == NtStatus.Success)
            {
                released++;
            }
        }
        return released;
    }

    /// <summary>
    /// Runs one callback's work on the connection's lifetime and waits for it. Once disconnected it answers
    /// STATUS_CONNECTION_DISCONNECTED without starting, and work cancelled by the disconnect answers the same.
    /// </summary>
    private RxResult<T> Run<T>(Func<CancellationToken, ValueTask<RxResult<T>>> work, ref DokanFileInfo info)
    {
        if (IsDisconnected)
        {
            return NtStatus.ConnectionDisconnected;
        }
        var result = RequestWait.Wait(work(_lifetime.Token), _timeout, ref info);
        return result.Status == NtStatus.Cancelled && IsDisconnected ? NtStatus.ConnectionDisconnected : result;
    }

    private NtStatus Run(Func<CancellationToken, ValueTask<NtStatus>> work, ref DokanFileInfo info) =>
        Run<bool>(async ct => await work(ct), ref info).Status;

    private static long HandleOf(in DokanFileInfo info) => (long)info.Context;

    /// <summary>The share name of a Dokan file name ("\dir\file", relative to the drive's root).</summary>
    private bool TryResolve(string fileName, out NetPath path, out NtStatus status)
    {
        try
        {
            path = _connection.Resolve(fileName);
            status = NtStatus.Success;
            return true;
        }
        catch (InvalidUncNameException e)
        {
            path = default;
            status = e.Error is UncNameError.ComponentTooLong or UncNameError.PathTooLong
                ? NtStatus.NameTooLong
                : NtStatus.ObjectNameInvalid;
            return false;
        }
    }

    /// <summary>Closes a handle once, whoever asks first (CloseFile, a delete in Cleanup, the unmount).</summary>
    private async ValueTask<NtStatus> CloseHandleAsync(long handle) =>
        _open.TryRemove(handle, out _) ? await _redirector.CloseAsync(handle) : NtStatus.InvalidHandle;

    private static uint SerialNumberOf(UncName name)
    {
        // FNV-1a over the upper-cased name: stable across runs, unlike string.GetHashCode.
        var hash = 2166136261;
        foreach (var c in name.ToString().ToUpperInvariant())
        {
            hash = (hash ^ c) * 16777619;
        }
        return hash;
    }

    /// <summary>What the adapter knows of an open: its name (for a delete by name and a rename) and kind.</summary>
    private sealed record OpenFile(NetPath Path, bool IsDirectory);
}
