using System.Buffers.Binary;
using System.Net.Sockets;
using System.Runtime.Versioning;

namespace DokanRedirector.Cli.Control;

/// <summary>
/// The kernel's word on who is at the other end of a Unix socket (<c>struct ucred</c> from SO_PEERCRED):
/// taken when the peer connected, so it cannot be forged by what the peer sends.
/// </summary>
[SupportedOSPlatform("linux")]
internal readonly record struct PeerCredentials(int ProcessId, uint UserId, uint GroupId)
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;
    private const int UcredSize = 12; // pid_t pid; uid_t uid; gid_t gid; all 32-bit

    public static PeerCredentials Of(Socket socket)
    {
        Span<byte> ucred = stackalloc byte[UcredSize];
        var length = socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred);
        if (length != UcredSize)
        {
            throw new SocketException((int)SocketError.ProtocolNotSupported);
        }
        return new PeerCredentials(
            BinaryPrimitives.ReadInt32LittleEndian(ucred),
            BinaryPrimitives.ReadUInt32LittleEndian(ucred[4..]),
            BinaryPrimitives.ReadUInt32LittleEndian(ucred[8..]));
    }

    /// <summary>
    /// The peer is <paramref name="userId"/> or root. Both ends ask: the service lets only its owner and root
    /// control it, and a client talks only to its own or root's service (it may send a password).
    /// </summary>
    public bool IsUserOrRoot(uint userId) => UserId == userId || UserId == 0;
}
