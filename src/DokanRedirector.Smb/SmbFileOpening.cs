// MS-SMB2 3.2.5.5 Receiving an SMB2 CREATE Response
using System.Runtime.ExceptionServices;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb;

/// <summary>
/// Makes the <see cref="SmbFile"/> of one CREATE on the receive loop, the moment its response arrives
/// (<see cref="PendingRequest.OnFinalResponse"/>). Its oplock or lease is then registered before the next
/// message, which may already break it, is read; and if the caller gave up meanwhile, the open the server made
/// anyway is closed rather than left behind.
/// </summary>
internal sealed class SmbFileOpening(SmbTree tree, string path, string fullPath)
{
    private SmbFile? _file;
    private ExceptionDispatchInfo? _error;

    /// <summary>The open, for the caller once the CREATE completed with STATUS_SUCCESS.</summary>
    public SmbFile File
    {
        get
        {
            _error?.Throw();
            return _file ?? throw new InvalidOperationException("The CREATE has not succeeded.");
        }
    }

    /// <summary>The receive loop's hook: returns the CLOSE to run should the caller have gone.</summary>
    public Action? Accept(SmbResponse response)
    {
        // Anything but success, a warning such as STATUS_STOPPED_ON_SYMLINK included, opens nothing (2.2.2.2.1).
        if (response.Status != NtStatus.Success)
        {
            return null;
        }
        try
        {
            _file = new SmbFile(tree, path, fullPath, CreateResponse.Read(response.Message));
        }
        catch (SmbProtocolException e)
        {
            // The caller gets the error. Without a FileId there is nothing to close.
            _error = ExceptionDispatchInfo.Capture(e);
            return null;
        }
        tree.Session.Connection.Opens.Add(_file);
        return CloseOrphan;
    }

    // Off the receive loop, on the open's own tree and session; DisposeAsync swallows what a dead connection raises.
    private void CloseOrphan()
    {
        var file = _file!;
        Log.ClosingOrphanedOpen(file.Tree.Session.Connection.Logger, file.FullPath);
        _ = Task.Run(() => file.DisposeAsync().AsTask());
    }
}
