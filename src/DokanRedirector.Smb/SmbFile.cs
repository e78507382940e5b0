using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb;

/// <summary>
/// An open file, directory or pipe on a tree (MS-SMB2 3.2.1.6 Open), made by <see cref="SmbTree.CreateAsync"/>.
/// Its members report what the CREATE response said; its methods send the file commands on the open. Split by
/// concern: <c>.ReadWrite.cs</c> (chunked, pipelined data transfer), <c>.Copy.cs</c> (whole files to and from streams),
/// <c>.Commands.cs</c> (the other commands), <c>.Notify.cs</c> (CHANGE_NOTIFY), <c>.Breaks.cs</c> (oplock and lease breaks).
/// Errors are <see cref="SmbStatusException"/>s naming <see cref="FullPath"/>. Disposing closes it.
/// </summary>
public sealed partial class SmbFile : IAsyncDisposable
{
    private int _closed;

    internal SmbFile(SmbTree tree, string path, string fullPath, in CreateResponse response)
    {
        Tree = tree;
        Path = path;
        FullPath = fullPath;
        FileId = response.FileId;
        _oplockLevel = response.OplockLevel;
        CreateAction = response.CreateAction;
        Info = response.Info;
        var contexts = response.Contexts;
        MaximalAccess = contexts.MaximalAccessStatus is { IsSuccess: true } ? contexts.MaximalAccess : null;
        OnDiskId = contexts.OnDiskId;
        _lease = contexts.Lease;
        Durable = contexts.Durable;
    }

    public SmbTree Tree { get; }

    /// <summary>The share-relative name it was opened by; empty for the share root.</summary>
    public string Path { get; }

    /// <summary><c>\\server\share\path</c>.</summary>
    public string FullPath { get; }

    public SmbFileId FileId { get; }

    public NtCreateAction CreateAction { get; }

    /// <summary>Times, sizes and attributes as the open found (or made) them.</summary>
    public SmbNetworkOpenInfo Info { get; }

    /// <summary>The access the user could have had (MxAc); null unless requested and answered with success.</summary>
    public NtAccessMask? MaximalAccess { get; }

    /// <summary>The on-disk file and volume ids (QFid); null unless requested and answered.</summary>
    public SmbOnDiskId? OnDiskId { get; }

    /// <summary>The durable handle granted (DH2Q); null when none was requested, supported or granted.</summary>
    public SmbDurableHandle? Durable { get; }

    public bool IsClosed => Volatile.Read(ref _closed) != 0;

    private SmbConnection Connection => Tree.Session.Connection;

    /// <summary>
    /// Sends CLOSE. Idempotent: a second call, or a call on a broken connection (where the server dropped the
    /// open already), does nothing and returns null.
    /// </summary>
    /// <param name="postQueryAttributes">Ask for the times, sizes and attributes after the close (SMB2_CLOSE_FLAG_POSTQUERY_ATTRIB).</param>
    /// <returns>Those attributes, when asked for and reported.</returns>
    public async Task<SmbNetworkOpenInfo?> CloseAsync(bool postQueryAttributes, CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return null;
        }
        Connection.Opens.Remove(this);
        if (Connection.IsBroken)
        {
            return null;
        }
        using var response = await Tree.SendExpectSuccessAsync(FileIdRequest.Close(FileId, postQueryAttributes), FullPath, ct)
            .ConfigureAwait(false);
        return CloseResponse.Read(response.Message).Info;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await CloseAsync(postQueryAttributes: false, CancellationToken.None).ConfigureAwait(false);
        }
        catch (SmbException)
        {
            // The connection broke: the server closes the open with it.
        }
        catch (ObjectDisposedException)
        {
            // The session logged off or the tree disconnected, which closed the open on the server.
        }
        catch (SmbStatusException)
        {
            // The server refused (e.g. STATUS_FILE_CLOSED after it dropped the open): nothing is left to release.
        }
    }

    public override string ToString() => FullPath;

    /// <summary>Sends a request for this open; an error status raises <see cref="SmbStatusException"/> naming the file.</summary>
    private Task<SmbResponse> SendExpectSuccessAsync<TRequest>(TRequest request, CancellationToken ct)
        where TRequest : ISmbRequest
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        return Tree.SendExpectSuccessAsync(request, FullPath, ct);
    }
}
