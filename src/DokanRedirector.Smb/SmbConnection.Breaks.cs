// MS-SMB2 3.2.5.19 Receiving an SMB2 OPLOCK_BREAK Notification
using System.Buffers.Binary;
using DokanRedirector.Smb.Messages;
using Microsoft.Extensions.Logging;

namespace DokanRedirector.Smb;

public sealed partial class SmbConnection
{
    private readonly SmbOpenTable _opens = new();
    private readonly CancellationTokenSource _brokenSource = new();
    private long _breaksReceived;

    /// <summary>Oplock and lease breaks received for opens of this connection, for diagnostics and tests.</summary>
    public long BreaksReceived => Interlocked.Read(ref _breaksReceived);

    /// <summary>The opens a break may name: a CREATE that grants an oplock or lease adds its open, CLOSE removes it.</summary>
    internal SmbOpenTable Opens => _opens;

    /// <summary>Cancelled when the connection breaks; what break handlers wait with.</summary>
    internal CancellationToken BrokenToken => _brokenSource.Token;

    internal ILogger Logger => _options.Logger;

    internal string Endpoint => _transport.Endpoint;

    // On the receive loop: parses a MessageId 0xFFFFFFFFFFFFFFFF message, finds its opens and queues the break
    // for them; handlers and acknowledgments run on the thread pool. A malformed OPLOCK_BREAK throws, which
    // breaks the connection like any bad field.
    private void ReceiveBreak(ReadOnlySpan<byte> message, in SmbHeader header)
    {
        // 3.2.5.1.2: an unsolicited message that is not an OPLOCK_BREAK is discarded as invalid.
        if (header.Command != SmbCommand.OplockBreak)
        {
            Log.UnsolicitedDropped(_options.Logger, _transport.Endpoint, header.Command);
            return;
        }
        // 3.2.5.19: the body's StructureSize tells an oplock break (24) from a lease break (44).
        if (message.Length < SmbHeader.Size + sizeof(ushort))
        {
            throw new SmbProtocolException($"{_transport.Endpoint} sent an OPLOCK_BREAK notification of {message.Length} bytes, with no body.");
        }
        switch (BinaryPrimitives.ReadUInt16LittleEndian(message[SmbHeader.Size..]))
        {
            case OplockBreak.StructureSize:
                ReceiveOplockBreak(OplockBreak.Read(message));
                break;
            case LeaseBreakNotification.StructureSize:
                ReceiveLeaseBreak(LeaseBreakNotification.Read(message));
                break;
            case var size:
                throw new SmbProtocolException(
                    $"{_transport.Endpoint} sent an OPLOCK_BREAK notification with StructureSize {size}; an oplock break has 24, a lease break 44.");
        }
    }

    // 3.2.5.19.1: the open is found by FileId; an unknown one (closed meanwhile) is dropped.
    private void ReceiveOplockBreak(in OplockBreak notice)
    {
        if (_opens.FindOplock(notice.FileId) is not { } file)
        {
            Log.BreakForUnknownOpen(_options.Logger, _transport.Endpoint, $"FileId {notice.FileId}");
            return;
        }
        Interlocked.Increment(ref _breaksReceived);
        _ = BreakOplockAsync(file, notice.OplockLevel);
    }

    // 3.2.5.19.2: the opens are found by LeaseKey; an unknown key is dropped.
    private void ReceiveLeaseBreak(in LeaseBreakNotification notice)
    {
        var opens = _opens.FindLease(notice.LeaseKey);
        if (opens.Length == 0)
        {
            Log.BreakForUnknownOpen(_options.Logger, _transport.Endpoint, $"LeaseKey {notice.LeaseKey}");
            return;
        }
        Interlocked.Increment(ref _breaksReceived);
        _ = BreakLeaseAsync(opens, notice);
    }

    private static async Task BreakOplockAsync(SmbFile file, SmbOplockLevel level)
    {
        var held = await file.BreakOplockAsync(level).ConfigureAwait(false);
        // 2.2.24.1: a break from level II goes to none and is not acknowledged.
        if (held is SmbOplockLevel.Exclusive or SmbOplockLevel.Batch)
        {
            await file.AcknowledgeBreakAsync(FileIdRequest.OplockBreakAcknowledgment(file.FileId, level)).ConfigureAwait(false);
        }
    }

    // Every open of the lease gives its caching up (its handler may flush), then one acknowledgment, when the
    // server asks for it (SMB2_NOTIFY_BREAK_LEASE_FLAG_ACK_REQUIRED), speaks for the lease.
    private static async Task BreakLeaseAsync(SmbFile[] opens, LeaseBreakNotification notice)
    {
        var breaks = new Task[opens.Length];
        for (var i = 0; i < opens.Length; i++)
        {
            breaks[i] = opens[i].BreakLeaseAsync(notice);
        }
        await Task.WhenAll(breaks).ConfigureAwait(false);
        if (notice.AckRequired && Array.Find(opens, static open => !open.IsClosed) is { } open)
        {
            await open.AcknowledgeBreakAsync(new LeaseBreakAcknowledgment(notice.LeaseKey, notice.NewLeaseState)).ConfigureAwait(false);
        }
    }

    // Called by Break: the server dropped every open with the connection, so nothing is left to break.
    private void ForgetOpens()
    {
        _opens.Close();
        _ = _brokenSource.CancelAsync(); // handlers' callbacks run on the thread pool, not in Break
    }
}
