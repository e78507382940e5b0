// MS-SMB2 3.2.4.1.4 Sending Compounded Requests
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Transport;

namespace DokanRedirector.Smb;

public sealed partial class SmbConnection
{
    /// <summary>
    /// Sends <paramref name="requests"/> as one compound of related operations: one frame, one round trip.
    /// Requests after the first carry SMB2_FLAGS_RELATED_OPERATIONS, so a FileId of all 0xFF in them means
    /// "the file the previous request opened". Returns the responses in request order, whatever their
    /// status; the caller disposes every one.
    /// </summary>
    internal async Task<SmbResponse[]> SendCompoundAsync(IReadOnlyList<ISmbRequest> requests, SmbMessageContext context, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfZero(requests.Count);
        ThrowIfBroken();
        var count = requests.Count;
        var charges = new ushort[count];
        var lengths = new int[count]; // each element padded to 8 bytes except the last
        var totalCredits = 0;
        var compoundLength = 0;
        for (var i = 0; i < count; i++)
        {
            charges[i] = CreditChargeOf(requests[i]);
            totalCredits += Math.Max(charges[i], (ushort)1);
            var length = SmbHeader.Size + requests[i].BodySize;
            lengths[i] = i < count - 1 ? length + SmbWriter.Padding8(length) : length;
            compoundLength += lengths[i];
        }
        var messageId = await _credits.AcquireAsync(checked((ushort)totalCredits), ct).ConfigureAwait(false);

        var frame = RentFrame(compoundLength, context);
        var pending = new PendingRequest[count];
        try
        {
            var compound = MessageOf(frame, compoundLength, context);
            for (int i = 0, offset = 0; i < count; offset += lengths[i], i++)
            {
                var request = requests[i];
                var credits = Math.Max(charges[i], (ushort)1);
                var element = compound.Slice(offset, lengths[i]);
                element[(SmbHeader.Size + request.BodySize)..].Clear();
                var header = RequestHeader(
                    request.Command, messageId, charges[i], credits, context,
                    i > 0 ? SmbHeaderFlags.RelatedOperations : SmbHeaderFlags.None,
                    i < count - 1 ? (uint)lengths[i] : 0);
                WriteMessage(element, request, header, context);
                pending[i] = Register(messageId, request.Command, credits, context);
                messageId += credits;
            }
            Seal(frame, compoundLength, context);
            // Every element must be checked: Array.Exists would stop at the first swept one and leave the rest
            // registered after Break's sweep, waiting forever (the expiration timer is gone too).
            var swept = false;
            foreach (var element in pending)
            {
                swept |= SweptByBreak(element);
            }
            if (!swept)
            {
                await _transport.SendAsync(frame.Memory, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not SmbException || BreakReason is null)
        {
            throw Break(e);
        }
        finally
        {
            frame.Release();
        }
        return await WaitAllAsync(pending, ct).ConfigureAwait(false);
    }

    private async Task<SmbResponse[]> WaitAllAsync(PendingRequest[] pending, CancellationToken ct)
    {
        var responses = new SmbResponse[pending.Length];
        var received = 0;
        try
        {
            for (; received < pending.Length; received++)
            {
                responses[received] = await WaitAsync(pending[received], ct).ConfigureAwait(false);
            }
            return responses;
        }
        catch
        {
            for (var i = 0; i < received; i++)
            {
                responses[i].Dispose();
            }
            for (var i = received + 1; i < pending.Length; i++)
            {
                // Responses that still arrive return their frame to the pool.
                _ = pending[i].Task.ContinueWith(
                    static t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
            }
            throw;
        }
    }
}
