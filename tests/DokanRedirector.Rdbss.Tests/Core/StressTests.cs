using System.Diagnostics;
using DokanRedirector.Rdbss.Mrx;
using DokanRedirector.Rdbss.Naming;
using DokanRedirector.Rdbss.Structures;
using DokanRedirector.Rdbss.Tests.Support;

namespace DokanRedirector.Rdbss.Tests.Core;

public class StressTests
{
    private const int Threads = 16;
    private const int OperationsPerThread = 20_000;

    [Test]
    [CancelAfter(120_000)]
    public async Task RandomOpensWatchesClosesConnectsAndForcedDisconnects_NeverDeadlock_AndEveryCountReturnsToTheFloorThenZero()
    {
        var h = new Harness(scavengerDelay: TimeSpan.FromSeconds(60));
        string[] shares = [@"\\s1\a", @"\\s1\b", @"\\s2\a"];
        string[] devices = ["X:", "Y:", "Z:"];
        var counts = new int[7];
        var clock = Stopwatch.StartNew();

        var workers = Enumerable.Range(0, Threads).Select(seed => Task.Run(async () =>
        {
            var random = new Random(seed);
            var mine = new List<long>();
            var watches = new List<(long Handle, CancellationTokenSource Stop, Task<RxResult<IReadOnlyList<DirectoryChange>>> Waiting)>();
            var buffer = new byte[64];
            for (var i = 0; i < OperationsPerThread; i++)
            {
                var choice = random.Next(100);
                if (choice < 5)
                {
                    // A front end's watch on a share root, waiting for changes until stopped or disconnected.
                    var opened = await h.Redirector.OpenWatchAsync(NetPath.Unc(UncName.Parse(shares[random.Next(shares.Length)])));
                    if (opened.IsSuccess)
                    {
                        var stop = new CancellationTokenSource();
                        watches.Add((opened.Value.Handle, stop,
                            h.Redirector.NotifyChangeDirectoryAsync(opened.Value.Handle, NtNotifyFilter.FileName, true, stop.Token).AsTask()));
                    }
                    Interlocked.Increment(ref counts[6]);
                }
                else if (choice < 10 && watches.Count > 0)
                {
                    var index = random.Next(watches.Count);
                    await StopWatchAsync(h, watches[index]);
                    watches.RemoveAt(index);
                }
                else if (choice < 35)
                {
                    // Open through a device (if connected) or by UNC name.
                    var device = devices[random.Next(devices.Length)];
                    var connection = h.Redirector.FindConnection(device);
                    var path = connection is not null && random.Next(2) == 0
                        ? connection.Resolve($"f{random.Next(20)}")
                        : NetPath.Unc(UncName.Parse($@"{shares[random.Next(shares.Length)]}\f{random.Next(20)}"));
                    var opened = await h.Redirector.CreateAsync(path, Harness.OpenOrCreate);
                    if (opened.IsSuccess)
                    {
                        mine.Add(opened.Value.Handle);
                    }
                    Interlocked.Increment(ref counts[0]);
                }
                else if (choice < 65 && mine.Count > 0)
                {
                    var handle = mine[random.Next(mine.Count)];
                    var status = random.Next(2) == 0
                        ? (await h.Redirector.WriteAsync(handle, 0, buffer.AsMemory(0, 8))).Status
                        : (await h.Redirector.ReadAsync(handle, 0, buffer)).Status;
                    Assert.That(status, Is.AnyOf(NtStatus.Success, NtStatus.EndOfFile, NtStatus.ConnectionDisconnected));
                    Interlocked.Increment(ref counts[1]);
                }
                else if (choice < 90 && mine.Count > 0)
                {
                    var index = random.Next(mine.Count);
                    Assert.That(await h.Redirector.CloseAsync(mine[index]), Is.EqualTo(NtStatus.Success));
                    mine.RemoveAt(index);
                    Interlocked.Increment(ref counts[2]);
                }
                else if (choice < 95)
                {
                    var connected = await h.Redirector.ConnectAsync(devices[random.Next(devices.Length)],
                        UncName.Parse(shares[random.Next(shares.Length)]), null);
                    // Cancelled: a disconnect of the same name raced the connect.
                    Assert.That(connected.Status, Is.AnyOf(NtStatus.Success, NtStatus.DeviceAlreadyAttached, NtStatus.Cancelled));
                    Interlocked.Increment(ref counts[3]);
                }
                else
                {
                    var force = random.Next(3) != 0;
                    var result = await h.Redirector.DisconnectAsync(devices[random.Next(devices.Length)], force);
                    Assert.That(result.Status, Is.AnyOf(NtStatus.Success, NtStatus.NotFound, NtStatus.FilesOpen));
                    Interlocked.Increment(ref counts[force ? 4 : 5]);
                }
            }
            foreach (var handle in mine)
            {
                await h.Redirector.CloseAsync(handle);
            }
            foreach (var watch in watches)
            {
                await StopWatchAsync(h, watch);
            }
        })).ToArray();

        await Task.WhenAll(workers);
        foreach (var device in devices)
        {
            await h.Redirector.DisconnectAsync(device, force: false);
        }
        TestContext.Out.WriteLine(
            $"{Threads}x{OperationsPerThread} ops in {clock.Elapsed.TotalSeconds:F1} s: opens {counts[0]}, reads/writes {counts[1]}, " +
            $"closes {counts[2]}, connects {counts[3]}, forced disconnects {counts[4]}, normal disconnects {counts[5]}, watches {counts[6]}; " +
            $"nodes created {h.Mrx.Nodes.Count}");

        // At the floor: every count is the table's reference plus one per child, nothing else.
        var status = h.Redirector.GetStatus();
        Assert.Multiple(() =>
        {
            Assert.That(h.Redirector.HandleCount, Is.EqualTo(0));
            Assert.That(h.Mrx.OpenOnServer, Is.EqualTo(0), "every SrvOpen closed on the server");
            foreach (var srvCall in status)
            {
                Assert.That(srvCall.References, Is.EqualTo(1 + srvCall.NetRoots.Count), srvCall.Name);
                foreach (var netRoot in srvCall.NetRoots)
                {
                    Assert.That(netRoot.Fcbs, Is.EqualTo(0), netRoot.Name);
                    Assert.That(netRoot.References, Is.EqualTo(1 + netRoot.VNetRoots.Count), netRoot.Name);
                    Assert.That(netRoot.VNetRoots.Select(v => v.References), Is.All.EqualTo(1), netRoot.Name);
                    Assert.That(netRoot.VNetRoots.Select(v => v.Condition), Is.All.EqualTo(Condition.Good), netRoot.Name);
                }
            }
        });

        await h.DisposeAsync();
        Assert.That(h.Mrx.Nodes.Where(n => n.ReferenceCount != 0), Is.Empty, "every count is zero after teardown");
        Assert.That(h.Mrx.Finalizations, Has.Count.EqualTo(h.Mrx.Nodes.Count), "each node finalized exactly once");
    }

    // A watch ends by being stopped (Cancelled) or by a disconnect of its share (ConnectionDisconnected), then closes.
    private static async Task StopWatchAsync(Harness h,
        (long Handle, CancellationTokenSource Stop, Task<RxResult<IReadOnlyList<DirectoryChange>>> Waiting) watch)
    {
        await watch.Stop.CancelAsync();
        Assert.That((await watch.Waiting).Status, Is.AnyOf(NtStatus.Cancelled, NtStatus.ConnectionDisconnected));
        Assert.That(await h.Redirector.CloseAsync(watch.Handle), Is.EqualTo(NtStatus.Success));
        watch.Stop.Dispose();
    }
}
