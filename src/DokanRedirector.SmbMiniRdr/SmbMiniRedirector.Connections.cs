using DokanRedirector.Rdbss;
using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Naming;
using DokanRedirector.Rdbss.Structures;
using DokanRedirector.Smb;
using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Messages;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.SmbMiniRdr;

// Construction and finalization of SrvCall (an SmbClient: one connection per server) and VNetRoot (an
// SmbShare: one account's session + tree connect). The NetRoot needs no state of its own: SMB2 binds a
// tree to a session, so every view has its own tree connect.
public sealed partial class SmbMiniRedirector
{
    public NtStatus PreparseName(UncName name, out UncName effectiveName)
    {
        effectiveName = name; // no DFS referrals yet
        return NtStatus.Success;
    }

    public NtStatus ExtractNetRootName(UncName name, SrvCall srvCall, out int netRootComponentCount)
    {
        netRootComponentCount = 2; // \server\share
        return NtStatus.Success;
    }

    /// <summary>Dials the server and negotiates on the redirector's worker; answers pending.</summary>
    public NtStatus CreateSrvCall(SrvCall srvCall, SrvCallCallbackContext callback)
    {
        var settings = GetServer(srvCall.Server);
        var client = new SmbClient(srvCall.Server, settings.Port, _options.Client with { Logger = _loggerFactory.CreateLogger<SmbClient>() });
        callback.RecommunicateContext = client;
        _ = DialAsync(client, callback);
        return NtStatus.Pending;
    }

    private async Task DialAsync(SmbClient client, SrvCallCallbackContext callback)
    {
        try
        {
            await client.GetConnectionAsync(callback.Lifetime).ConfigureAwait(false);
            callback.Complete(NtStatus.Success);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var status = SmbStatusMap.ForSetup(e);
            Log.ServerUnreachable(_log, client.Host, client.Port, status, e.Message);
            await client.DisposeAsync().ConfigureAwait(false);
            callback.Complete(status);
        }
        catch (OperationCanceledException)
        {
            await client.DisposeAsync().ConfigureAwait(false);
            callback.Complete(NtStatus.Cancelled);
        }
    }

    public NtStatus SrvCallWinnerNotify(SrvCall srvCall, bool thisMinirdrIsTheWinner, object? recommunicateContext)
    {
        srvCall.Context = recommunicateContext;
        return NtStatus.Success;
    }

    /// <summary>Session set-up and tree connect as the view's user; answers pending. A logon failure fails
    /// only the view (the share may be fine for others); a tree connect failure fails the share too.</summary>
    public NtStatus CreateVNetRoot(CreateNetRootContext context)
    {
        if (context.SrvCall.Context is not SmbClient client)
        {
            return NtStatus.InternalError;
        }
        SmbCredential credential;
        try
        {
            credential = ToSmbCredential(context.VNetRoot.Credentials);
        }
        catch (ArgumentException)
        {
            return NtStatus.InvalidParameter;
        }
        _ = ConnectViewAsync(client, credential, context);
        return NtStatus.Pending;
    }

    private async Task ConnectViewAsync(SmbClient client, SmbCredential credential, CreateNetRootContext context)
    {
        var v = context.VNetRoot;
        try
        {
            var seal = GetServer(client.Host).Seal;
            v.Context = await client.ConnectShareAsync(v.NetRoot.Share, credential, seal, context.Lifetime).ConfigureAwait(false);
            context.Complete(NtStatus.Success, NtStatus.Success);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var status = SmbStatusMap.ForSetup(e);
            Log.ViewFailed(_log, v.PrefixKey, credential.ToString(), status, e.Message);
            var sessionOnly = e is SmbStatusException { Command: SmbCommand.SessionSetup };
            context.Complete(sessionOnly ? NtStatus.Success : status, status);
        }
        catch (OperationCanceledException)
        {
            context.Complete(NtStatus.Cancelled, NtStatus.Cancelled);
        }
    }

    /// <summary>TREE_DISCONNECT, and LOGOFF when it was the account's last view of the server.</summary>
    public async ValueTask<NtStatus> FinalizeVNetRoot(VNetRoot vNetRoot, bool force)
    {
        if (vNetRoot.Context is SmbShare share)
        {
            vNetRoot.Context = null;
            await share.DisposeAsync().ConfigureAwait(false);
        }
        return NtStatus.Success;
    }

    public ValueTask<NtStatus> FinalizeNetRoot(NetRoot netRoot, bool force) => ValueTask.FromResult(NtStatus.Success);

    /// <summary>Closes the server's connection.</summary>
    public async ValueTask<NtStatus> FinalizeSrvCall(SrvCall srvCall, bool force)
    {
        if (srvCall.Context is SmbClient client)
        {
            srvCall.Context = null;
            await client.DisposeAsync().ConfigureAwait(false);
        }
        return NtStatus.Success;
    }

    /// <summary>No credentials means the NULL session, explicitly: never a silent guest logon.</summary>
    private static SmbCredential ToSmbCredential(UserCredentials? credentials) => credentials switch
    {
        null => SmbCredential.Anonymous,
        { Domain: { Length: > 0 } domain } => new SmbCredential(credentials.UserName, domain, credentials.Password ?? ""),
        _ => SmbCredential.Parse(credentials.UserName, credentials.Password ?? ""),
    };

    private static SmbShare ShareOf(VNetRoot v) =>
        v.Context as SmbShare ?? throw new ObjectDisposedException(v.PrefixKey, "The view was finalized.");
}
