namespace DokanRedirector.Smb.Messages;

/// <summary>
/// A request body the connection frames, charges credits for, signs and sends. Implementations are
/// structs so a generic send does not box them.
/// </summary>
internal interface ISmbRequest
{
    SmbCommand Command { get; }

    /// <summary>Bytes after the 64-byte header, computed from the fields.</summary>
    int BodySize { get; }

    /// <summary>Payload bytes the response may carry (READ length, IOCTL output), for CreditCharge.</summary>
    int ExpectedResponseSize { get; }

    /// <summary>Writes exactly <see cref="BodySize"/> bytes; the span starts right after the header.</summary>
    void WriteBody(Span<byte> body);
}
