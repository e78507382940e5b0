using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Integration;

[TestFixture("SMB3_00", SmbDialect.Smb300, SmbCipher.Aes128Ccm)]
[TestFixture("SMB3_02", SmbDialect.Smb302, SmbCipher.Aes128Ccm)]
[TestFixture("SMB3_11", SmbDialect.Smb311, SmbCipher.Aes128Gcm)]
public class EncryptionTests(string protocol, SmbDialect dialect, SmbCipher cipher) : DialectFixture(protocol)
{
    private static readonly SmbCredential User = new(SambaServer.User, "", SambaServer.Password);
    private static readonly byte[] Payload = [.. Enumerable.Range(0, 200_000).Select(i => (byte)(i * 7))];

    private static async Task<(byte[] Read, long SealedResponses)> WriteAndReadBackAsync(SmbConnection connection, SmbTree tree, string name)
    {
        var before = connection.SealedFramesReceived;
        var read = new byte[Payload.Length];
        await using (var file = await tree.CreateAsync(name, new SmbCreateOptions
        {
            Disposition = NtCreateDisposition.OverwriteIf,
            DesiredAccess = NtAccessMask.GenericRead | NtAccessMask.GenericWrite,
        }, CancellationToken.None))
        {
            await file.WriteAsync(Payload, 0, CancellationToken.None);
            await file.ReadAsync(read, 0, CancellationToken.None);
        }
        return (read, connection.SealedFramesReceived - before);
    }

    [Test]
    public async Task AShareThatRequiresEncryption_IsSealed_AndAFileWrittenThroughItReadsBackAndMatchesOnDisk()
    {
        await using var connection = await SmbConnection.ConnectAsync("127.0.0.1", Samba.Port, null, CancellationToken.None);
        await using var session = await connection.SetupSessionAsync(User, CancellationToken.None);
        await using var tree = await session.TreeConnectAsync("encrypted", CancellationToken.None);

        var (read, sealedResponses) = await WriteAndReadBackAsync(connection, tree, "sealed.bin");

        Assert.Multiple(() =>
        {
            Assert.That(connection.Dialect, Is.EqualTo(dialect));
            Assert.That(connection.Cipher, Is.EqualTo(cipher));
            Assert.That(tree.EncryptData, Is.True, "Samba flags the share SMB2_SHAREFLAG_ENCRYPT_DATA");
            Assert.That(tree.IsEncrypted, Is.True);
            Assert.That(read, Is.EqualTo(Payload));
            Assert.That(File.ReadAllBytes(Path.Combine(Samba.SharePath("encrypted"), "sealed.bin")), Is.EqualTo(Payload));
            Assert.That(sealedResponses, Is.GreaterThanOrEqualTo(4), "CREATE, WRITE, READ and CLOSE (and any interim response) came back sealed; a plain one would have broken the connection");
            Assert.That(connection.IsBroken, Is.False, () => connection.BreakReason!.Message);
        });
    }

    [Test]
    public async Task Seal_OnAShareThatDoesNotRequireIt_EncryptsAnyway()
    {
        await using var connection = await SmbConnection.ConnectAsync("127.0.0.1", Samba.Port, null, CancellationToken.None);
        await using var session = await connection.SetupSessionAsync(User, CancellationToken.None);
        await using var tree = await session.TreeConnectAsync("share", seal: true, CancellationToken.None);

        var (read, sealedResponses) = await WriteAndReadBackAsync(connection, tree, "sealed-by-choice.bin");

        Assert.Multiple(() =>
        {
            Assert.That(tree.EncryptData, Is.False);
            Assert.That(tree.IsEncrypted, Is.True);
            Assert.That(read, Is.EqualTo(Payload));
            Assert.That(sealedResponses, Is.GreaterThanOrEqualTo(4));
        });
    }

    [Test]
    public async Task ATamperedEncryptedResponse_FailsAuthentication_AndBreaksTheConnection()
    {
        var armed = false;
        await using var proxy = new TamperingProxy(Samba.Port, frame =>
        {
            if (!armed || !SmbTransform.IsTransformMessage(frame))
            {
                return false;
            }
            frame[^1] ^= 0x80; // the last ciphertext byte
            return true;
        });
        await using var connection = await SmbConnection.ConnectAsync("127.0.0.1", proxy.Port, null, CancellationToken.None);
        await using var session = await connection.SetupSessionAsync(User, CancellationToken.None);
        var tree = await session.TreeConnectAsync("encrypted", CancellationToken.None);
        armed = true;

        var error = await Assert.ThrowsAsync(Is.InstanceOf<SmbException>(), () => tree.QueryPathInfoAsync("", CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(proxy.Tampered, Is.EqualTo(1));
            Assert.That(error!.Message, Does.Contain("failed").And.Contain("authentication"));
            Assert.That(connection.BreakReason, Is.InstanceOf<SmbProtocolException>());
        });
    }

    [Test]
    public async Task Seal_OnAGuestSession_FailsClearly_BecauseAGuestHasNoKeys()
    {
        await using var connection = await SmbConnection.ConnectAsync("127.0.0.1", Samba.Port, null, CancellationToken.None);
        await using var session = await connection.SetupSessionAsync(SmbCredential.Guest("nobody-here"), CancellationToken.None);

        var error = await Assert.ThrowsAsync<SmbException>(() => session.TreeConnectAsync("public", seal: true, CancellationToken.None));

        Assert.That(error!.Message, Is.EqualTo(@"Cannot encrypt \\127.0.0.1\public: a guest or anonymous session has no keys to encrypt with."));
    }
}

[TestFixture("SMB2_02", SmbDialect.Smb202)]
[TestFixture("SMB2_10", SmbDialect.Smb210)]
public class EncryptionOnSmb2Tests(string protocol, SmbDialect dialect) : DialectFixture(protocol)
{
    [Test]
    public async Task Seal_OnAn2xDialect_FailsClearly_BeforeAnythingIsSent()
    {
        await using var connection = await SmbConnection.ConnectAsync("127.0.0.1", Samba.Port, null, CancellationToken.None);
        await using var session = await connection.SetupSessionAsync(new SmbCredential(SambaServer.User, "", SambaServer.Password), CancellationToken.None);

        var error = await Assert.ThrowsAsync<SmbException>(() => session.TreeConnectAsync("share", seal: true, CancellationToken.None));

        Assert.Multiple(() =>
        {
            Assert.That(connection.Dialect, Is.EqualTo(dialect));
            Assert.That(error!.Message, Does.Contain("cannot encrypt (SMB 3.0 or later is needed)"));
        });
    }

    [Test]
    public async Task AShareThatRequiresEncryption_IsRefusedOn2x_WithAccessDenied()
    {
        await using var connection = await SmbConnection.ConnectAsync("127.0.0.1", Samba.Port, null, CancellationToken.None);
        await using var session = await connection.SetupSessionAsync(new SmbCredential(SambaServer.User, "", SambaServer.Password), CancellationToken.None);

        var error = await Assert.ThrowsAsync<SmbStatusException>(() => session.TreeConnectAsync("encrypted", CancellationToken.None));

        Assert.That(error!.Status, Is.EqualTo(NtStatus.AccessDenied));
    }
}
