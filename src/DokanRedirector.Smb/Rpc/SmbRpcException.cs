namespace DokanRedirector.Smb.Rpc;

/// <summary>
/// The RPC server refused a call: a rejected bind, a fault PDU, or a Win32 error an operation returned.
/// <see cref="Status"/> carries the rejection reason, fault status or WERROR. The pipe itself is fine.
/// </summary>
public sealed class SmbRpcException : Exception
{
    public SmbRpcException(string message, uint status)
        : base(message)
    {
        Status = status;
    }

    public SmbRpcException()
    {
    }

    public SmbRpcException(string message)
        : base(message)
    {
    }

    public SmbRpcException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public uint Status { get; }
}
