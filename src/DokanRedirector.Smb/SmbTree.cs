using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Info;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb;

/// <summary>A connected share (MS-SMB2 3.2.1.4 TreeConnect). Disposing disconnects it.</summary>
public sealed class SmbTree : IAsyncDisposable
{
    private int _disconnected;

    internal SmbTree(SmbSession session, uint treeId, string path, TreeConnectResponse response, bool encrypt)
    {
        IsEncrypted = encrypt;
        Session = session;
        TreeId = treeId;
        Path = path;
        ShareType = response.ShareType;
        ShareFlags = response.ShareFlags;
        Capabilities = response.Capabilities;
        MaximalAccess = response.MaximalAccess;
    }

    public SmbSession Session { get; }

    public uint TreeId { get; }

    /// <summary><c>\\server\share</c>.</summary>
    public string Path { get; }

    public SmbShareType ShareType { get; }

    public SmbShareFlags ShareFlags { get; }

    public SmbShareCapabilities Capabilities { get; }

    /// <summary>The access mask the user has on the share root.</summary>
    public uint MaximalAccess { get; }

    /// <summary>True when the server requires every message on this tree to be encrypted.</summary>
    public bool EncryptData => (ShareFlags & SmbShareFlags.EncryptData) != 0;

    /// <summary>True when every message on this tree is sealed: the server requires it or the caller asked.</summary>
    public bool IsEncrypted { get; }

    /// <summary>How this tree's messages are signed or sealed.</summary>
    internal SmbMessageContext Context => Session.Context(TreeId, IsEncrypted);

    /// <summary>
    /// Opens or creates <paramref name="path"/> with NtCreateFile semantics (MS-SMB2 3.2.4.3). Errors are
    /// <see cref="SmbStatusException"/>s naming <c>\\server\share\path</c>: STATUS_OBJECT_NAME_NOT_FOUND,
    /// STATUS_OBJECT_NAME_COLLISION, STATUS_ACCESS_DENIED, …
    /// </summary>
    /// <param name="path">Share-relative with backslashes and no leading one, e.g. <c>dir\file.txt</c>; empty opens the share root.</param>
    public async Task<SmbFile> CreateAsync(string path, SmbCreateOptions options, CancellationToken ct)
    {
        CheckPath(path);
        ArgumentNullException.ThrowIfNull(options);
        var connection = Session.Connection;
        var target = FullPath(path);
        Session.ThrowIfClosed();
        var opening = new SmbFileOpening(this, path, target);
        using var response = await connection
            .SendObservedAsync(NewCreateRequest(path, options), Context, opening.Accept, ct)
            .ConfigureAwait(false);
        if (response.Status != NtStatus.Success)
        {
            // An error, or a warning such as STATUS_STOPPED_ON_SYMLINK, which opens nothing (2.2.2.2.1).
            throw new SmbStatusException(response.Status, SmbCommand.Create, connection.Host, target);
        }
        return opening.File;
    }

    /// <summary>
    /// What <c>stat</c> needs without keeping a handle: CREATE (read attributes, sharing everything), QUERY_INFO
    /// FileAllInformation and CLOSE as one related compound, one round trip (MS-SMB2 3.2.4.1.4). A missing path
    /// raises <see cref="SmbStatusException"/> with STATUS_OBJECT_NAME_NOT_FOUND or _PATH_NOT_FOUND.
    /// </summary>
    public async Task<FileAllInformation> QueryPathInfoAsync(string path, CancellationToken ct)
    {
        CheckPath(path);
        Session.ThrowIfClosed();
        var connection = Session.Connection;
        var create = NewCreateRequest(path, StatOptions);
        // The name in FileAllInformation can make it 64 KiB; 2.0.2 cannot ask for more than one credit's worth.
        var outputLength = Math.Min(FileAllInformation.MaxOutputLength, connection.MaxTransactSize);
        var query = new QueryInfoRequest(SmbFileId.Any, SmbInfoType.File, FileAllInformation.InfoClass, outputLength, 0, ReadOnlyMemory<byte>.Empty);
        ISmbRequest[] requests = [create, query, FileIdRequest.Close(SmbFileId.Any, postQueryAttributes: false)];
        var responses = await connection.SendCompoundAsync(requests, Context, ct).ConfigureAwait(false);
        try
        {
            var target = FullPath(path);
            if (responses[0].Status != NtStatus.Success)
            {
                throw new SmbStatusException(responses[0].Status, SmbCommand.Create, connection.Host, target);
            }
            if (responses[1].Status.IsError)
            {
                throw new SmbStatusException(responses[1].Status, SmbCommand.QueryInfo, connection.Host, target);
            }
            var message = responses[1].Message;
            return FileAllInformation.Read(OutputBufferResponse.Read(message, SmbCommand.QueryInfo).Output(message));
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    private static readonly SmbCreateOptions StatOptions = new()
    {
        DesiredAccess = NtAccessMask.ReadAttributes | NtAccessMask.Synchronize,
        ShareAccess = NtShareAccess.All,
    };

    private static void CheckPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.StartsWith('\\'))
        {
            throw new ArgumentException($"The path '{path}' must be relative to the share, without a leading backslash.", nameof(path));
        }
    }

    // A lease needs SMB2_GLOBAL_CAP_LEASING, on a directory SMB2_GLOBAL_CAP_DIRECTORY_LEASING too (MS-SMB2
    // 3.2.4.3.8); DH2Q is 3.x only (2.2.13.2.11). We open without them rather than fail the open.
    private CreateRequest NewCreateRequest(string path, SmbCreateOptions options)
    {
        var connection = Session.Connection;
        var leaseCapabilities = (options.Options & NtCreateOptions.DirectoryFile) == 0
            ? SmbCapabilities.Leasing
            : SmbCapabilities.Leasing | SmbCapabilities.DirectoryLeasing;
        if (options.Lease is not null && (connection.ServerCapabilities & leaseCapabilities) != leaseCapabilities)
        {
            options = options with { Lease = null };
        }
        if (options.Durable is not null && !connection.Dialect.IsSmb3())
        {
            options = options with { Durable = null };
        }
        return new CreateRequest(path, options, connection.Dialect.IsSmb3());
    }

    /// <summary><c>\\server\share\path</c>, the name error messages give.</summary>
    internal string FullPath(string path) => path.Length == 0 ? Path : $@"{Path}\{path}";

    /// <summary>
    /// Sends a request on this tree, signed or sealed as the tree requires, and returns the
    /// response whatever its status; the caller disposes it.
    /// </summary>
    internal Task<SmbResponse> SendAsync<TRequest>(TRequest request, CancellationToken ct)
        where TRequest : ISmbRequest
    {
        Session.ThrowIfClosed();
        return Session.Connection.SendAsync(request, Context, null, ct);
    }

    /// <summary>As <see cref="SendAsync"/>, but an error status raises <see cref="SmbStatusException"/> naming <paramref name="target"/>.</summary>
    internal Task<SmbResponse> SendExpectSuccessAsync<TRequest>(TRequest request, string? target, CancellationToken ct)
        where TRequest : ISmbRequest
    {
        Session.ThrowIfClosed();
        return Session.Connection.SendExpectSuccessAsync(request, Context, target, ct);
    }

    public async Task DisconnectAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _disconnected, 1) != 0 || Session.Connection.IsBroken)
        {
            return;
        }
        Session.ThrowIfClosed();
        using var response = await Session.Connection
            .SendExpectSuccessAsync(new EmptyRequest(SmbCommand.TreeDisconnect), Context, Path, ct)
            .ConfigureAwait(false);
        EmptyRequest.ReadResponse(response.Message, SmbCommand.TreeDisconnect);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (SmbException)
        {
            // The connection is gone, so is the tree on the server.
        }
        catch (ObjectDisposedException)
        {
            // The session logged off first, which disconnected the tree on the server.
        }
    }
}
