using System.Diagnostics;
using DokanRedirector.Smb.Auth;
using DokanRedirector.Smb.Crypto;
using DokanRedirector.Smb.Messages;
using DokanRedirector.Smb.Tests.Fixtures;

namespace DokanRedirector.Smb.Tests.Integration;

// MS-SMB2 3.2.5.19 against Samba: a second client's open breaks our oplock or lease; we acknowledge at once,
// so Samba lets that open in long before its 35 s break timeout.
// The encrypted share needs SMB 3, so it runs on the 3.1.1 server only.
[TestFixture("SMB2_10", "share")]
[TestFixture("SMB3_11", "share")]
[TestFixture("SMB3_11", "encrypted")]
public class OplockAndLeaseBreakTests(string protocol, string share) : DialectFixture(protocol)
{
    private const SmbLeaseState RWH = SmbLeaseState.ReadCaching | SmbLeaseState.WriteCaching | SmbLeaseState.HandleCaching;

    private static readonly SmbCredential User = new(SambaServer.User, "", SambaServer.Password);
    private static readonly CancellationToken None = CancellationToken.None;
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(5);

    private static readonly SmbCreateOptions ReadWrite = new()
    {
        Disposition = NtCreateDisposition.OpenIf,
        DesiredAccess = NtAccessMask.GenericRead | NtAccessMask.GenericWrite,
        ShareAccess = NtShareAccess.All,
    };

    private readonly List<SmbConnection> _connections = [];

    [TearDown]
    public async Task Disconnect()
    {
        foreach (var connection in _connections)
        {
            Assert.That(connection.IsBroken, Is.False, () => connection.BreakReason!.Message);
            await connection.DisposeAsync();
        }
        _connections.Clear();
    }

    [Test]
    public async Task ABatchOplock_IsBrokenByAnotherClientsOpen_AcknowledgedAtOnce_AndTheOpenerGetsIn()
    {
        var name = Unique("batch.txt");
        var holder = await OpenAsync(share, name, ReadWrite with { OplockLevel = SmbOplockLevel.Batch });
        var breaks = Record(holder);

        var (other, elapsed) = await TimedOpenAsync(share, name);

        // Samba breaks batch to level II, and once the writer is in, level II to none (unacknowledged, 2.2.24.1).
        await Eventually.HoldsAsync(() => Settled(holder, breaks), "every break to reach the handler and the oplock level");
        Assert.Multiple(() =>
        {
            Assert.That(holder.Tree.IsEncrypted, Is.EqualTo(share == "encrypted"));
            Assert.That(elapsed, Is.LessThan(Promptly), "Samba waited for an acknowledgment that never came");
            Assert.That(breaks[0].IsLease, Is.False);
            Assert.That(breaks[0].From, Is.EqualTo(RWH), "batch");
            Assert.That(breaks[0].LosesWriteCaching, Is.True);
            Assert.That(holder.OplockLevel, Is.AnyOf(SmbOplockLevel.LevelII, SmbOplockLevel.None));
            Assert.That(other.IsClosed, Is.False);
        });
        await holder.WriteAsync("still open"u8.ToArray(), 0, None);
    }

    [Test]
    public async Task AnRwhLease_IsBrokenByAnotherClientsOpen_ToStateWithoutWriteCaching_AcknowledgedAtOnce()
    {
        var name = Unique("leased.txt");
        var holder = await OpenAsync(share, name, ReadWrite with { Lease = new SmbLeaseRequest(Guid.NewGuid(), RWH) });
        var breaks = Record(holder);

        var (_, elapsed) = await TimedOpenAsync(share, name);

        Assert.Multiple(() =>
        {
            Assert.That(elapsed, Is.LessThan(Promptly), "Samba waited for an acknowledgment that never came");
            Assert.That(breaks, Has.Count.EqualTo(1));
            Assert.That(breaks[0].IsLease, Is.True);
            Assert.That(breaks[0].From, Is.EqualTo(RWH));
            Assert.That(breaks[0].LosesWriteCaching, Is.True);
            Assert.That(holder.OplockLevel, Is.EqualTo(SmbOplockLevel.Lease));
            Assert.That(holder.Lease!.Value.State, Is.EqualTo(breaks[0].To));
            Assert.That(holder.Lease.Value.State & SmbLeaseState.WriteCaching, Is.EqualTo(SmbLeaseState.None));
        });
    }

    // One connection per open, each with its own ClientGuid, so Samba sees two clients. Samba 4.17 sends every
    // break unsigned and in plain text, on the encrypted share too: the receive loop must take them so.
    private async Task<SmbFile> OpenAsync(string share, string name, SmbCreateOptions options)
    {
        var connection = await SmbConnection.ConnectAsync(SambaServer.Host, Samba.Port, new SmbClientOptions(), None);
        _connections.Add(connection);
        var session = await connection.SetupSessionAsync(User, None);
        var tree = await session.TreeConnectAsync(share, None);
        var file = await tree.CreateAsync(name, options, None);
        Assert.That(file.OplockLevel, Is.EqualTo(options.Lease is null ? options.OplockLevel : SmbOplockLevel.Lease), "Samba granted what was asked");
        if (options.Lease is not null)
        {
            Assert.That(file.Lease!.Value.State, Is.EqualTo(options.Lease.State));
        }
        return file;
    }

    private async Task<(SmbFile File, TimeSpan Elapsed)> TimedOpenAsync(string share, string name)
    {
        var clock = Stopwatch.StartNew();
        var file = await OpenAsync(share, name, ReadWrite);
        return (file, clock.Elapsed);
    }

    // Every break the connection received reached the handler, and the open reports the last one's level.
    private static bool Settled(SmbFile file, List<SmbBreak> breaks)
    {
        lock (breaks)
        {
            return breaks.Count > 0 && breaks.Count == file.Tree.Session.Connection.BreaksReceived
                && SmbBreak.CachingOf(file.OplockLevel) == breaks[^1].To;
        }
    }

    private static List<SmbBreak> Record(SmbFile file)
    {
        var breaks = new List<SmbBreak>();
        file.BreakHandler = (broken, _) =>
        {
            lock (breaks)
            {
                breaks.Add(broken);
            }
            return Task.CompletedTask;
        };
        return breaks;
    }

    private static string Unique(string name) =>
        $"{Path.GetFileNameWithoutExtension(name)}-{Guid.NewGuid():N}{Path.GetExtension(name)}";
}
