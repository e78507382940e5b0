using System.Runtime.Versioning;
using DokanRedirector.Dokan.Bridge;
using DokanRedirector.Dokan.FileSystem;
using DokanRedirector.Dokan.Mounting;
using DokanRedirector.Dokan.Native;
using DokanRedirector.Rdbss;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Dokan;

/// <summary>
/// One mapped drive served by the Redirector through dokan2.dll, in network-drive mode: a
/// <see cref="Connection"/>'s <c>\\server\share</c> at its drive letter.
/// </summary>
/// <remarks>
/// Lifetime: DokanCreateFileSystem returns at once; a thread waits in DokanWaitForFileSystemClosed until the
/// volume ends, whoever ended it (<see cref="UnmountAsync"/>, or Explorer's Disconnect), then closes the
/// instance, closes the handles Windows never closed (Dokan sends no CloseFile for them) and frees the options.
/// </remarks>
[SupportedOSPlatform("windows")]
public sealed class DokanMount : IAsyncDisposable
{
    private static readonly Lock InitLock = new();
    private static bool _initialized;

    private readonly DokanFileSystem _fileSystem;
    private readonly ulong _id;
    private readonly NativeOptions _options;
    private readonly DokanInstanceHandle _instance;
    private readonly ILogger _log;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private DokanMount(string mountPoint, DokanFileSystem fileSystem, ulong id, NativeOptions options, DokanInstanceHandle instance,
        ILogger log)
    {
        MountPoint = mountPoint;
        _fileSystem = fileSystem;
        _id = id;
        _options = options;
        _instance = instance;
        _log = log;
    }

    /// <summary>The drive, as "Z:\".</summary>
    public string MountPoint { get; }

    /// <summary>Completes when the volume has ended and every handle it left is closed.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Maps <paramref name="connection"/> at its local name. Throws <see cref="DokanMountException"/>
    /// with a message for the user when dokan2.dll or its driver is missing or the drive cannot be mounted.</summary>
    public static DokanMount Mount(Redirector redirector, Connection connection, DokanMountOptions options, ILoggerFactory loggerFactory)
    {
        var log = loggerFactory.CreateLogger<DokanMount>();
        var settings = DokanMountSettings.For(connection.LocalName, connection.RemoteName, options);
        Initialize();
        var fileSystem = new DokanFileSystem(redirector, connection, new DokanRequestTimeout(options.Timeout), log);
        var id = DokanInstances.Add(fileSystem, log);
        var native = NativeOptions.Create(settings, id);
        int status;
        nint instance;
        unsafe
        {
            status = DokanNative.DokanCreateFileSystem(native.Options, DokanBridge.Operations, out instance);
        }
        if (status != DokanStatus.Success)
        {
            DokanInstances.Remove(id);
            native.Dispose();
            throw new DokanMountException(DokanStatus.Describe(status));
        }
        var mount = new DokanMount(settings.MountPoint, fileSystem, id, native, new DokanInstanceHandle(instance), log);
        new Thread(mount.WaitForClosed) { IsBackground = true, Name = $"dokan {settings.MountPoint}" }.Start();
        return mount;
    }

    /// <summary>
    /// Removes the drive. With <paramref name="force"/> every pending and later callback answers
    /// STATUS_CONNECTION_DISCONNECTED at once first. Dokan never refuses an unmount for open files: the
    /// Redirector's normal disconnect does, before this is called. Writes are synchronous here, so what a
    /// program was told is written is on the server already.
    /// </summary>
    public async ValueTask UnmountAsync(bool force)
    {
        Log.Unmounting(_log, MountPoint, force);
        if (force)
        {
            _fileSystem.Disconnect();
        }
        if (!Completion.IsCompleted)
        {
            DokanNative.DokanRemoveMountPoint(MountPoint);
        }
        await Completion;
    }

    public ValueTask DisposeAsync() => UnmountAsync(force: true);

    private static void Initialize()
    {
        lock (InitLock)
        {
            if (_initialized)
            {
                return;
            }
            try
            {
                DokanNative.DokanInit();
            }
            catch (DllNotFoundException e)
            {
                throw new DokanMountException(
                    "dokan2.dll was not found: install Dokan 2 (https://github.com/dokan-dev/dokany/releases), then try again.", e);
            }
            _initialized = true;
        }
    }

    private void WaitForClosed()
    {
        try
        {
            DokanNative.DokanWaitForFileSystemClosed(_instance.DangerousGetHandle(), DokanNative.Infinite);
            _instance.Dispose();
            var released = _fileSystem.ReleaseHandlesAsync().GetAwaiter().GetResult();
            Log.Ended(_log, MountPoint, released);
        }
        catch (Exception e)
        {
            Log.WaitFailed(_log, e, MountPoint);
        }
        finally
        {
            DokanInstances.Remove(_id);
            _options.Dispose();
            _completion.TrySetResult();
        }
    }
}
