using System.Collections.Concurrent;
using DokanRedirector.Cli.Service;
using DokanRedirector.Rdbss;

namespace DokanRedirector.Cli.Tests.Support;

/// <summary>A front end that mounts nothing: it records what the service asked, and can refuse or end a mount.</summary>
internal sealed class RecordingFrontEnd : IMountFrontEnd
{
    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>When set, every mount fails with this message (as an unwritable mount point would).</summary>
    public string? Refusal { get; set; }

    public ConcurrentDictionary<string, RecordedMount> Mounts { get; } = new();

    /// <summary>The redirector the service mounts from, kept so a test can hold files open on it.</summary>
    public Redirector? Redirector { get; private set; }

    public Task<IMount> MountShareAsync(Redirector redirector, Connection connection, string mountPoint, MountOptions options,
        CancellationToken cancellationToken) =>
        Mount($"share {connection.RemoteName} at {mountPoint} as {options.FsName}{(options.ReadOnly ? " read-only" : "")}", mountPoint, redirector);

    public Task<IMount> MountNetworkRootAsync(Redirector redirector, string mountPoint, MountOptions options,
        CancellationToken cancellationToken) =>
        Mount($"network root at {mountPoint}", mountPoint, redirector);

    private Task<IMount> Mount(string call, string mountPoint, Redirector redirector)
    {
        Redirector = redirector;
        Calls.Enqueue(call);
        if (Refusal is not null)
        {
            throw new MountException(Refusal);
        }
        var mount = new RecordedMount(mountPoint, this);
        Mounts[mountPoint] = mount;
        return Task.FromResult<IMount>(mount);
    }

    internal sealed class RecordedMount(string mountPoint, RecordingFrontEnd owner) : IMount
    {
        private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string MountPoint => mountPoint;

        public Task Completion => _ended.Task;

        /// <summary>As if someone ran <c>umount</c>.</summary>
        public void EndFromOutside() => _ended.TrySetResult();

        /// <summary>When set, a normal unmount finds the mount busy.</summary>
        public bool Busy { get; set; }

        public ValueTask UnmountAsync(bool force)
        {
            owner.Calls.Enqueue($"unmount {mountPoint}{(force ? " force" : "")}");
            if (Busy && !force)
            {
                throw new MountException($"{mountPoint} is busy");
            }
            _ended.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }
}
