using System.Buffers.Binary;
using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Integration;

[TestFixture("SMB2_10", SmbDialect.Smb210)]
[TestFixture("SMB3_02", SmbDialect.Smb302)]
[TestFixture("SMB3_11", SmbDialect.Smb311)]
public class TamperingTests(string protocol, SmbDialect dialect) : DialectFixture(protocol)
{
    private static readonly SmbCredential User = new(SambaServer.User, "", SambaServer.Password);

    [Test]
    public async Task AResponseWithACorruptSignature_IsRejected_AndBreaksTheConnection()
    {
        var armed = false;
        await using var proxy = new TamperingProxy(Samba.Port, frame =>
        {
            // Once the session is up, flip one signature bit of the TREE_CONNECT response.
            if (!armed || frame.Length < SmbHeader.Size || BinaryPrimitives.ReadUInt16LittleEndian(frame.AsSpan(SmbHeader.CommandOffset)) != (ushort)SmbCommand.TreeConnect)
            {
                return false;
            }
            frame[SmbHeader.SignatureOffset] ^= 0x01;
            return true;
        });
        await using var connection = await SmbConnection.ConnectAsync("127.0.0.1", proxy.Port, null, CancellationToken.None);
        await using var session = await connection.SetupSessionAsync(User, CancellationToken.None);
        armed = true;

        var error = await Assert.ThrowsAsync(Is.InstanceOf<SmbException>(), () => session.TreeConnectAsync("share", CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(connection.Dialect, Is.EqualTo(dialect));
            Assert.That(proxy.Tampered, Is.EqualTo(1));
            Assert.That(error!.Message, Does.Contain("does not verify"));
            Assert.That(connection.BreakReason, Is.InstanceOf<SmbProtocolException>());
        });
    }
}
